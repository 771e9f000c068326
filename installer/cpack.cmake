# Packaging: a Debian package with the executable, the desktop entry, AppStream metadata and
# the icon. `cpack -G DEB` in the build directory.
install(FILES ${PROJECT_SOURCE_DIR}/installer/stackcanvas.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installer/io.stackcanvas.StackCanvas.metainfo.xml DESTINATION share/metainfo)
if(EXISTS ${PROJECT_SOURCE_DIR}/icons/stackcanvas.svg)
    install(FILES ${PROJECT_SOURCE_DIR}/icons/stackcanvas.svg DESTINATION share/icons/hicolor/scalable/apps)
endif()
set(CPACK_PACKAGE_NAME stackcanvas)
set(CPACK_PACKAGE_VENDOR "StackCanvas")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Visual designer for AWS architectures")
set(CPACK_PACKAGE_CONTACT "StackCanvas maintainers")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6quick6, libqt6svg6, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-shapes, qml6-module-qtquick-dialogs, qml6-module-qt-labs-folderlistmodel, qml6-module-qt-labs-settings, libyaml-cpp0.7")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
