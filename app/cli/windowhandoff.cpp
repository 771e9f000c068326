#include "app/cli/windowhandoff.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <unistd.h>

namespace sc::cli {

namespace {

// Beside the command in the build tree; in the installed layout, where CMake put it relative to
// the command (STACKCANVAS_WINDOW_RELATIVE, for example ../libexec/stackcanvas/stackcanvas-window).
std::string windowExecutable()
{
    const QDir here = QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).dir();
    for (const QString &candidate : {QStringLiteral("stackcanvas-window"), QStringLiteral(STACKCANVAS_WINDOW_RELATIVE)}) {
        const QFileInfo file(here.filePath(candidate));
        if (file.isFile() && file.isExecutable())
            return QFile::encodeName(file.canonicalFilePath()).toStdString();
    }
    return {};
}

} // namespace

int runInWindowExecutable(char **argv)
{
    const std::string path = windowExecutable();
    if (path.empty()) {
        std::fprintf(stderr, "stackcanvas: cannot draw: the window's executable (%s) is not installed beside this one\n",
                     STACKCANVAS_WINDOW_RELATIVE);
        return 2;
    }
    ::execv(path.c_str(), argv);
    std::fprintf(stderr, "stackcanvas: cannot start %s: %s\n", path.c_str(), std::strerror(errno));
    return 2;
}

int runInWindowExecutable(const QStringList &arguments)
{
    std::vector<QByteArray> encoded;
    encoded.reserve(arguments.size());
    for (const QString &argument : arguments)
        encoded.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    return runInWindowExecutable(argv.data());
}

} // namespace sc::cli
