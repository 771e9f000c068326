# Packaging: a Debian package (`cpack -G DEB` in the build directory) with the stripped
# executable, the desktop entry and AppStream metadata under the application's id, the icon in
# the hicolor theme and a man page made from --help. installer/test-package.sh installs it into
# a clean Debian 12 root and starts it.
set(SC_APP_ID io.stackcanvas.StackCanvas)
install(FILES ${PROJECT_SOURCE_DIR}/installer/${SC_APP_ID}.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installer/${SC_APP_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/icons/stackcanvas.svg DESTINATION share/icons/hicolor/scalable/apps
        RENAME ${SC_APP_ID}.svg)

# The man page is help2man's reading of `stackcanvas --help` and `--version`, with a section
# per subcommand from its own --help; none of them needs a display. Without help2man the package has no man page (and says so at configure time).
find_program(SC_HELP2MAN help2man)
if(SC_HELP2MAN AND TARGET stackcanvas)
    set(_man ${PROJECT_BINARY_DIR}/stackcanvas.1)
    add_custom_command(OUTPUT ${_man}.gz
        COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:stackcanvas> -DOUT=${_man}.h2m
                -P ${PROJECT_SOURCE_DIR}/installer/manpage-commands.cmake
        COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                ${SC_HELP2MAN} --no-info --section=1 --name "visual designer for AWS architectures"
                --include=${_man}.h2m --output=${_man} $<TARGET_FILE:stackcanvas>
        COMMAND gzip -9nf ${_man}
        DEPENDS stackcanvas ${PROJECT_SOURCE_DIR}/installer/manpage-commands.cmake
        COMMENT "Man page from stackcanvas --help")
    add_custom_target(manpage ALL DEPENDS ${_man}.gz)
    install(FILES ${_man}.gz DESTINATION share/man/man1)
else()
    message(STATUS "help2man not found: the package gets no man page (Debian: help2man)")
endif()

# Debian's documentation files: the copyright (the licences of what the executable contains) and
# the changelog, whose newest entry must be this version.
set(SC_MAINTAINER "StackCanvas maintainers <maintainers@stackcanvas.io>")
file(STRINGS ${PROJECT_SOURCE_DIR}/installer/debian/changelog _top LIMIT_COUNT 1)
if(NOT _top MATCHES "^stackcanvas \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "installer/debian/changelog starts with '${_top}', not version ${PROJECT_VERSION}")
endif()
set(_changelog ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${_changelog}
    COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/installer/debian/changelog > ${_changelog}
    DEPENDS ${PROJECT_SOURCE_DIR}/installer/debian/changelog)
add_custom_target(package-changelog ALL DEPENDS ${_changelog})
install(FILES ${_changelog} ${PROJECT_SOURCE_DIR}/installer/debian/copyright DESTINATION share/doc/stackcanvas)

set(CPACK_PACKAGE_NAME stackcanvas)
set(CPACK_PACKAGE_VENDOR "StackCanvas")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Visual designer for AWS architectures")
set(CPACK_PACKAGE_CONTACT "${SC_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The summary above is the control file's first line; these are the lines below it (Debian
# wants them under 80 columns).
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "StackCanvas edits CloudFormation templates as a diagram, validates them"
    "against built-in deployment rules, rehearses blue/green, rolling and canary"
    "rollouts as AWS documents them, and exports CloudFormation (YAML/JSON), SAM,"
    "CDK TypeScript, SVG and PNG. Its command line (validate, export, simulate,"
    "rules) runs without a display.")
# Shared libraries (Qt, with its platform and SVG plugins, yaml-cpp) come from dpkg-shlibdeps;
# the QML modules the window imports are loaded by name at run time and are listed here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-shapes, qml6-module-qtquick-dialogs, qml6-module-qtquick-window, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qt-labs-folderlistmodel, qml6-module-qt-labs-settings")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
include(CPack)
