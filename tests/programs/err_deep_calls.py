# Uncaught exception deep in a call chain: the traceback lists every frame.
def parse_record(line):
    key, value = line.split("=")
    return key, int(value)


def parse_all(lines):
    return [parse_record(l) for l in lines]


def load(text):
    return dict(parse_all(text.splitlines()))


class Loader:
    def run(self, text):
        return self.stage(text)

    def stage(self, text):
        return load(text)


print(Loader().run("a=1\nb=2"))
print("now a bad record", flush=True)
Loader().run("a=1\nb=two\nc=3")
