"""The word lists and field selectors of the wording rules: data, kept apart from the rules."""

from __future__ import annotations

from resumefmt.rules import PROSE

#: Every field a reader sees as words: the prose, plus names of things, titles
#: and keywords. Not names of people or projects (a repository called
#: ``pytorch-utils`` is spelled as it is), nor URLs, e-mails and dates.
TEXT = (
    *PROSE,
    "basics/profiles/*/network",
    "*/*/organization",
    "*/*/unit",
    "*/*/role",
    "*/*/institution",
    "*/*/degree",
    "*/*/field",
    "*/*/title",
    "*/*/venue",
    "*/*/awarder",
    "*/*/keywords/*",
    "*/*/technologies/*",
    "*/*/courses/*",
    "*/*/projects/*/role",
    "*/*/projects/*/technologies/*",
    "sections/*/items/*/title",
    "sections/*/items/*/subtitle",
)

#: Text that is not words: code spans, autolinks, link targets, bare URLs,
#: e-mail addresses and host/path names. A rule built with :func:`skipping`
#: consumes these first, so its words are never found inside them.
_SKIP = (
    r"`[^`]*`"
    r"|<[^<>\s]+>"
    r"|\]\([^()\s]*\)"
    # Tried only where a word starts: tried inside every word, these three
    # would scan the rest of it again at each letter.
    r"|(?<![\w.+-])(?:[A-Za-z][A-Za-z0-9+.-]*://\S+"
    r"|www\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)+/\S*)"
)


def skipping(pattern: str) -> str:
    """``pattern`` as the group ``hit``, after alternatives that swallow code and URLs."""
    return f"(?:{_SKIP})|(?P<hit>{pattern})"


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
BRAND_PATTERN = (
    r"(?<![\w./@-])(?:"
    + "|".join(w.replace(".", r"\.") for w in sorted(RIGHT_BRAND, key=len, reverse=True))
    + r")(?![\w@/-]|\.\w)"
)

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
# Capital or small first letter, spaces or a line fold between words; no
# re.IGNORECASE, which makes the pattern several times slower to compile.
WEAK_PATTERN = (
    r"\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}".replace(" ", r"\s+") for w in WEAK)
    + r")\b"
)
