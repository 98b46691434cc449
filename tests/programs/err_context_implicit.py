# Exception raised while handling another: "During handling of the above exception..." output.
log = []


def cleanup(resource):
    log.append(f"cleanup {resource}")
    if resource.startswith("temp"):
        raise RuntimeError(f"cleanup of {resource} failed")


def process(data, key, resource):
    try:
        result = data[key]
    except KeyError:
        cleanup(resource)
        result = None
    return result


print(process({"a": 1}, "a", "temp-0"))
print(process({"a": 1}, "b", "cache"))
try:
    process({}, "x", "temp-1")
except RuntimeError as e:
    print("caught:", e, "| context:", repr(e.__context__))
print(log)
print("processing without a handler")
process({"a": 1}, "b", "temp-file")
