"""RenderCV's vocabulary: entry types, social networks, and the section titles people write."""

from __future__ import annotations

#: The entry types in the order RenderCV tries them, each with the fields only it
#: has: an entry is of the first type one of whose fields it holds (RenderCV's rule).
ENTRY_TYPES: tuple[tuple[str, frozenset[str]], ...] = (
    ("OneLineEntry", frozenset({"label", "details"})),
    ("NormalEntry", frozenset({"name"})),
    ("ExperienceEntry", frozenset({"company", "position"})),
    ("EducationEntry", frozenset({"institution", "area", "degree"})),
    ("PublicationEntry", frozenset({"title", "authors", "doi", "journal"})),
    ("BulletEntry", frozenset({"bullet"})),
    ("NumberedEntry", frozenset({"number"})),
    ("ReversedNumberedEntry", frozenset({"reversed_number"})),
)

#: Profile addresses as RenderCV builds them: the prefix, then the username.
#: Mastodon (``@user@host`` → ``https://host/@user``) is built apart. Twitter is
#: RenderCV 1.x's name for X.
NETWORK_URLS = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "WhatsApp": "https://wa.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
    "Twitter": "https://twitter.com/",
    "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}

#: Top-level blocks that say how RenderCV draws the page (v2 names, then v1 names).
IGNORED_BLOCKS = ("design", "locale", "settings", "locale_catalog", "rendercv_settings")


def _words(*titles: str) -> frozenset[str]:
    return frozenset(titles)


#: Section titles (lower case) that mean one of our sections, English first, then
#: German, French, Spanish, Portuguese, Italian, Chinese, Japanese and Korean.
#: A title not listed still maps by entry type where that is unambiguous; it is
#: then reported, because resumefmt prints its own heading.
TITLES: dict[str, frozenset[str]] = {
    "work": _words(
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career", "industry experience",
        "relevant experience", "experience and internships", "internships",
        "berufserfahrung", "berufliche erfahrung", "berufspraxis", "erfahrung",
        "expérience", "expérience professionnelle", "expériences professionnelles",
        "experiencia", "experiencia laboral", "experiencia profesional",
        "experiência", "experiência profissional", "esperienza", "esperienze lavorative",
        "esperienza lavorativa", "esperienza professionale",
        "工作经历", "工作经验", "实习经历", "职业经历", "職歴", "経歴", "경력",
    ),
    "research": _words(
        "research", "research experience", "research positions", "academic positions",
        "academic experience", "forschung", "forschungserfahrung", "recherche",
        "investigación", "pesquisa", "ricerca", "科研经历", "研究经历", "研究経験",
    ),
    "volunteer": _words(
        "volunteer", "volunteering", "volunteer experience", "volunteer work",
        "community service", "ehrenamt", "ehrenamtliches engagement", "bénévolat",
        "voluntariado", "volontariato", "志愿者经历", "志愿服务",
    ),
    "education": _words(
        "education", "academic background", "studies", "ausbildung", "bildung",
        "bildungsweg", "studium", "formation", "éducation", "educación", "formación",
        "formación académica", "educação", "formação", "formação acadêmica", "istruzione",
        "formazione", "教育背景", "教育经历", "学历", "学歴", "학력",
    ),
    "publications": _words(
        "publications", "selected publications", "papers", "journal articles",
        "conference papers", "publikationen", "veröffentlichungen", "publicaciones",
        "publicações", "pubblicazioni", "论文", "发表论文", "学术论文", "论文发表", "論文", "업적",
    ),
    "projects": _words(
        "projects", "personal projects", "selected projects", "side projects",
        "open source", "open-source projects", "open source projects", "academic projects",
        "projekte", "projets", "proyectos", "projetos", "progetti", "项目经历", "项目经验",
        "项目", "プロジェクト", "프로젝트",
    ),
    "skills": _words(
        "skills", "technical skills", "technologies", "skills and technologies",
        "core skills", "tech stack", "kenntnisse", "fähigkeiten", "fachkenntnisse",
        "it-kenntnisse", "compétences", "compétences techniques", "habilidades",
        "competencias", "conocimientos", "habilidades técnicas", "competências",
        "competenze", "技能", "专业技能", "技术栈", "スキル", "기술",
    ),
    "languages": _words(
        "languages", "language skills", "sprachen", "sprachkenntnisse", "langues",
        "idiomas", "lingue", "语言", "语言能力", "言語", "언어",
    ),
    "summary": _words(
        "summary", "professional summary", "about", "about me", "profile", "objective",
        "career objective", "overview", "profil", "über mich", "kurzprofil",
        "zusammenfassung", "résumé", "à propos", "resumen", "perfil", "sobre mí",
        "sobre mim", "resumo", "profilo", "个人简介", "个人总结", "自我评价", "简介",
        "自己紹介", "概要", "자기소개",
    ),
}  # fmt: skip

#: Small words RenderCV leaves in lower case when it turns a snake_case key into a title.
_SMALL_WORDS = frozenset(
    ("a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like", "near",
     "nor", "of", "off", "on", "onto", "or", "over", "so", "than", "that", "to", "upon",
     "when", "with", "yet")
)  # fmt: skip


def section_title(key: str) -> str:
    """The heading RenderCV prints for a section key: ``selected_honors`` → ``Selected Honors``.

    A key with a space or a capital letter is a title already and stays as written.
    """
    if " " in key or any(letter.isupper() for letter in key):
        return key
    words = key.replace("_", " ").split(" ")
    return " ".join(word if word in _SMALL_WORDS else word.capitalize() for word in words)


def meaning(title: str) -> str | None:
    """Which of our sections (or ``summary``) a section title names, if any."""
    wanted = " ".join(title.replace("_", " ").casefold().split())
    return next((name for name, words in TITLES.items() if wanted in words), None)
