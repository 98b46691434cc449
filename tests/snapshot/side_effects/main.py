"""Import-time side effects that depend on the environment behave as without
a snapshot: the program's own module reads the environment and argv and
prints; a stdlib module warns when imported (DeprecationWarning, shown for
__main__); json and re are plain."""
import json
import re
import imp  # noqa: DeprecationWarning at import, attributed to this line
import envmod

print("main:", envmod.MODE, envmod.ARGS, json.dumps({"k": re.sub("a", "b", "aa")}))
