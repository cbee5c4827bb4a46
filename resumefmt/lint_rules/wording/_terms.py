"""The word lists of the wording rules: brands, weak phrases, pronouns.

Data kept apart from the rules: a reviewer adds a brand or a phrase here.
"""

from __future__ import annotations

#: Wrong spelling -> the brand's own. Case-sensitive: each wrong form is listed.
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
}
RIGHT_BRAND = {wrong: right for right, wrongs in BRANDS.items() for wrong in wrongs}
#: The first word of each wrong spelling -> the wrong spellings that start with
#: it, longest first ("node" -> "node.js"); looked up word by word.
BRAND_STARTS: dict[str, list[str]] = {}
for _wrong in sorted(RIGHT_BRAND, key=len, reverse=True):
    BRAND_STARTS.setdefault(_wrong.split(".", 1)[0], []).append(_wrong)

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
