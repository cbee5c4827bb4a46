"""The word lists of the wording rules: brands, weak phrases, pronouns.

Data kept apart from the rules: a reviewer adds a brand or a phrase here. The
brands are this hand-curated table and the one generated from simple-icons
(``_brands``, by scripts/sync_brands.py); this one wins where both name a form.
"""

from __future__ import annotations

import functools

#: The brand's own spelling -> its wrong spellings. Case-sensitive: each wrong form is listed.
BRANDS = {
    "GitHub": ("Github", "github", "GITHUB"),
    "GitLab": ("Gitlab", "gitlab"),
    "LinkedIn": ("Linkedin", "linkedin", "LinkedIN"),
    "PyTorch": ("Pytorch", "pytorch", "PYTORCH"),
    "TensorFlow": ("Tensorflow", "tensorflow"),
    "TensorRT": ("Tensorrt", "TensorRt", "tensorrt"),
    "JavaScript": ("Javascript", "javascript", "JAVASCRIPT"),
    "TypeScript": ("Typescript", "typescript"),
    "Node.js": ("Nodejs", "NodeJS", "NodeJs", "nodejs", "node.js", "Node.JS"),
    "PostgreSQL": ("Postgresql", "PostgreSql", "postgresql", "PostGreSQL"),
    "MySQL": ("Mysql", "MySql", "mysql"),
    "MongoDB": ("Mongodb", "MongoDb", "mongodb"),
    "SQLite": ("Sqlite", "SqLite", "sqlite"),
    "GraphQL": ("Graphql", "GraphQl", "graphql"),
    "NumPy": ("Numpy", "numpy"),
    "OpenCV": ("Opencv", "OpenCv", "opencv"),
    "CUDA": ("Cuda", "cuda"),
    "Python": ("python",),
    "Java": ("JAVA",),
    "JSON": ("Json",),
    "HTML": ("Html",),
    "SQL": ("Sql",),
    "PHP": ("Php",),
    "Linux": ("linux",),
    "Kubernetes": ("kubernetes",),
    "Jupyter": ("jupyter",),
    "iPhone": ("Iphone", "IPhone", "iphone"),
    "iOS": ("Ios",),
    "macOS": ("MacOS", "Macos", "MacOs", "macos"),
    "jQuery": ("Jquery", "JQuery", "jquery"),
    "YouTube": ("Youtube", "youtube"),
    "WordPress": ("Wordpress",),
    "WeChat": ("Wechat", "WECHAT"),
    "TikTok": ("Tiktok",),
    "PayPal": ("Paypal",),
    "PowerPoint": ("Powerpoint", "POWERPOINT"),
    "Excel": ("EXCEL",),
    "ChatGPT": ("Chatgpt", "ChatGpt", "chatgpt"),
    "OpenAI": ("Openai", "OpenAi"),
    "Hugging Face": ("Huggingface", "huggingface"),
    "arXiv": ("Arxiv", "ArXiv", "arxiv", "ARXIV"),
    "Kinect": ("kinect",),
    "LoRA": ("LORA",),
    # Names the generated table lacks or spells otherwise.
    "React": ("ReactJs", "Reactjs", "reactjs"),
    "AngularJS": ("AngularJs", "Angularjs", "angularjs"),
    "Elasticsearch": ("ElasticSearch",),
}
#: Product names that are also English words, so never reported in any case
#: ("go", "rust", "make"): what the tense rules must not read as verbs when they
#: name a product ("React Native app", "Spark jobs", "Go services").
BRAND_WORDS = frozenset(
    {"React", "Express", "Flask", "Spring", "Flutter", "Jest", "Helm", "Vault", "Hive"}
    | {"Yarn", "Render", "Bootstrap", "Dart", "Shell", "Discord", "Relay", "Hibernate"}
    | {"Zoom", "Go", "Rust", "Spark", "Make", "Drone", "Swarm", "Sketch", "Slack", "Storm"}
    | {"Beam", "Stripe", "Gulp", "Grunt", "Swagger", "Twitch", "Steam", "Swift", "Unity"}
    | {"Angular", "Ruby", "Rails", "Elixir", "Crystal", "Excel", "Word", "Teams", "Outlook"}
    | {"Access", "Notion", "Confluence", "Tableau", "Snowflake", "Puppet", "Chef", "Vagrant"}
    | {"Terraform"}
)


@functools.cache
def brand_tables() -> tuple[dict[str, str], dict[str, list[str]]]:
    """``(right, starts)``: each wrong spelling -> the brand's own; and the first word
    of each wrong spelling -> the wrong spellings that start with it, longest first
    ("node" -> "node.js"), looked up word by word. Built on first use (under 1 ms)."""
    from resumefmt.lint_rules.wording._brands import PAIRS

    words = iter(PAIRS.split())
    right: dict[str, str] = dict(zip(words, words, strict=True))  # longest first
    curated = {wrong: name for name, wrongs in BRANDS.items() for wrong in wrongs}
    right.update(curated)
    for name in BRANDS:
        right.pop(name, None)  # a hand-curated name is right, whatever the table says
    starts: dict[str, list[str]] = {}
    for wrong in right:
        starts.setdefault(wrong.split(".", 1)[0], []).append(wrong)
    for wrong in curated:  # appended last: put them in their place by length
        forms = starts.get(wrong.split(".", 1)[0])
        if forms is not None and len(forms) > 1:
            forms.sort(key=len, reverse=True)
    return right, starts


def is_brand_word(word: str) -> bool:
    """Whether ``word``, as written, names a product and is an English word too."""
    return word in BRAND_WORDS


#: Weak phrase (lower case, words one space apart) -> what to write instead.
WEAK = {
    "responsible for": "say what you did: 'Led', 'Owned', 'Ran', 'Built'",
    "in charge of": "say what you did: 'Led', 'Managed', 'Ran'",
    "worked on": "say what you did: 'Built', 'Designed', 'Implemented'",
    "helped with": "say what you did yourself: 'Built', 'Cut', 'Shipped'",
    "helped to": "say what you did yourself: 'Built', 'Cut', 'Shipped'",
    "assisted in": "say what you did yourself: 'Built', 'Ran', 'Wrote'",
    "assisted with": "say what you did yourself: 'Built', 'Ran', 'Wrote'",
    "involved in": "say what your part was: 'Built', 'Designed', 'Led'",
    "participated in": "say what your part was: 'Built', 'Designed', 'Led'",
    "tasked with": "say what you did: 'Built', 'Delivered', 'Led'",
    "duties included": "list what you achieved, each with a verb",
    "various": "name the things, or give their number",
}
#: The first word of each weak phrase, capital or small -> (the phrase's words, phrase).
WEAK_STARTS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase in WEAK:
    _first, *_rest = _phrase.split(" ")
    for _form in (_first, _first[0].upper() + _first[1:]):
        WEAK_STARTS.setdefault(_form, []).append((tuple(_rest), _phrase))

#: First-person pronouns as whole words, and the contractions each may open.
PRONOUNS = frozenset(
    [
        *("I", "my", "My", "myself", "Myself", "me", "Me", "we", "We"),
        *("our", "Our", "ours", "Ours", "ourselves", "Ourselves", "us"),
    ]
)
CONTRACTIONS = {"I": ("m", "ve", "d", "ll"), "we": ("ve", "re", "ll", "d")}
CONTRACTIONS["We"] = CONTRACTIONS["we"]
#: "Phase I", "Type I", "World War I": a Roman one, not the pronoun.
ROMAN_BEFORE = (
    *("Phase", "Type", "Part", "Level", "Stage", "Tier", "Class", "Grade", "War", "Volume"),
    *("Vol.", "Chapter", "Season", "Series", "Track", "Round", "Division", "Section"),
    *("Category", "Module", "Unit", "Book", "Form"),
)
