#pragma once
// The windowed application: parses the GUI options of DESIGN §6, opens the file (or the default
// example), loads the QML window, and for --screenshot renders one frame offscreen and exits.

namespace sc {

int runGui(int argc, char **argv);

} // namespace sc
