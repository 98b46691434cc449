# Uncaught exception with an explicit cause (raise ... from ...): both tracebacks are printed.
class ConfigError(Exception):
    pass


def read_port(settings):
    try:
        port = int(settings["port"])
    except KeyError as exc:
        raise ConfigError("port setting is required") from exc
    except ValueError as exc:
        raise ConfigError(f"port must be a number, got {settings['port']!r}") from exc
    if not 0 < port < 65536:
        raise ConfigError(f"port out of range: {port}")
    return port


print(read_port({"port": "8080"}))
for bad in ({"port": "http"}, {"port": "70000"}):
    try:
        read_port(bad)
    except ConfigError as e:
        print("caught:", e, "| cause:", repr(e.__cause__))
print("now without a handler")
read_port({"host": "localhost"})
