#pragma once
// Loads the real window (qml/Main.qml) around a fresh document, as the application does, with
// settings and recovery files kept in a temporary directory.

#include "app/gui/documentcontroller.h"
#include "model/document/document.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sc::test {

struct WindowFixture {
    QTemporaryDir recoveryDir;
    Document document;
    std::unique_ptr<DocumentController> controller;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;

    bool load(bool dark = false)
    {
        controller = std::make_unique<DocumentController>(&document, nullptr, recoveryDir.path());
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(controller.get())},
                                      {QStringLiteral("darkTheme"), dark},
                                      {QStringLiteral("themeLocked"), true},
                                      {QStringLiteral("interactive"), false}});
        engine->load(QUrl(QStringLiteral("qrc:/qt/qml/StackCanvas/Main.qml")));
        if (engine->rootObjects().isEmpty())
            return false;
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        if (!window)
            return false;
        window->resize(1400, 1000);
        window->show();
        return QTest::qWaitForWindowExposed(window);
    }

    template <typename T = QQuickItem>
    T *find(const QString &objectName) const
    {
        return window->findChild<T *>(objectName);
    }
};

} // namespace sc::test
