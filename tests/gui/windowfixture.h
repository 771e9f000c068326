#pragma once
// Loads the real window (qml/Main.qml) around a fresh document, as the application does, with
// settings and recovery files kept in a temporary directory; and the few gestures the window
// tests share (finding delegates, clicking, dragging, reading pixels).

#include "app/gui/documentcontroller.h"
#include "model/undo/undoabledocument.h"

#include <QFile>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sc::test {

// Delegates are visual children only, so the search follows childItems().
inline QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

// Settings and standard paths of a window test live under `dir`, never in the user's.
inline void isolateSettings(const QTemporaryDir &dir)
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path() + QStringLiteral("/config")));
    QStandardPaths::setTestModeEnabled(true);
}

struct WindowFixture {
    QTemporaryDir recoveryDir;
    UndoableDocument document;
    std::unique_ptr<DocumentController> controller;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;

    bool load(bool dark = false, QSize size = QSize(1400, 1000))
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
        window->resize(size);
        window->show();
        return QTest::qWaitForWindowExposed(window);
    }

    template <typename T = QQuickItem>
    T *find(const QString &objectName) const
    {
        return window->findChild<T *>(objectName);
    }
    // Any item of the window, delegates included.
    QQuickItem *item(const QString &objectName) const { return findItem(window->contentItem(), objectName); }

    static QPoint centreOf(const QQuickItem *item)
    {
        return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    }
    void click(const QQuickItem *item, Qt::KeyboardModifiers modifiers = {}) const
    {
        QTest::mouseClick(window, Qt::LeftButton, modifiers, centreOf(item));
    }
    // Press at `from`, move in `steps` steps to `to`, release: a user's drag.
    void drag(QPointF from, QPointF to, int steps = 12) const
    {
        QTest::mouseMove(window, from.toPoint());
        QTest::mousePress(window, Qt::LeftButton, {}, from.toPoint());
        for (int i = 1; i <= steps; ++i) {
            QTest::mouseMove(window, (from + (to - from) * (qreal(i) / steps)).toPoint());
            QTest::qWait(5);
        }
        QTest::mouseRelease(window, Qt::LeftButton, {}, to.toPoint());
    }
    // How much of a window rectangle differs from its most common colour (0..1): text drawn
    // there shows as ink, a blank area as 0.
    double inkIn(const QRectF &sceneRect) const
    {
        const QImage image = window->grabWindow();
        const QRect r = sceneRect.toAlignedRect() & image.rect();
        if (r.isEmpty())
            return 0;
        QHash<QRgb, int> counts;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                ++counts[image.pixel(x, y)];
        int most = 0;
        for (int c : counts)
            most = std::max(most, c);
        const int total = r.width() * r.height();
        return double(total - most) / total;
    }
};

} // namespace sc::test
