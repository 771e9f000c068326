#pragma once
// The `stackcanvas` command needs Qt Core only, so it starts fast on any machine. What draws
// (the window, --screenshot, export --to svg or png) runs in the window's executable,
// stackcanvas-window, which links Qt Gui and Qt Quick: this process becomes it with exec, with
// the same arguments, standard streams and exit code.

#include <QStringList>

namespace sc::cli {

// Returns only when the window's executable cannot be started: it then says why on stderr and
// returns 2.
int runInWindowExecutable(char **argv);
int runInWindowExecutable(const QStringList &arguments);

} // namespace sc::cli
