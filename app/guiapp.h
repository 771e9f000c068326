#pragma once
// The windowed application: parses the GUI options of DESIGN §6, opens the file (or the default
// example), loads the QML window, and for --screenshot renders one frame offscreen and exits.

#include <QGuiApplication>

#include <memory>

namespace sc {

// A QGuiApplication whose window-system start-up cannot abort the process: when no platform
// plugin can start, it prints "stackcanvas: FAILURE: reason" on one line and exits with code 2.
// `quiet` drops the platform's start-up warnings (an export drawn offscreen has no use for
// them); otherwise they are passed on once the application runs.
std::unique_ptr<QGuiApplication> startGuiApplication(int &argc, char **argv, bool quiet, const char *failure);

int runGui(int argc, char **argv);

} // namespace sc
