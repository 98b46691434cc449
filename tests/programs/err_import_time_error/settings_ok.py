NAME = "ok-settings"
