#pragma once
// The Template tab: the live document as it would be exported (YAML, JSON, and the CDK app once a
// "cdk-ts" exporter is registered), and which lines hold the selected resource. The text is
// produced lazily: a change only marks it stale, and it is rebuilt when next read.

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace sc {

class Document;

class TemplateText : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    // "cfn-yaml", "cfn-json" or "cdk-ts".
    Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY formatChanged)
    Q_PROPERTY(QVariantList formats READ formats CONSTANT)
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY textChanged)
    Q_PROPERTY(QString text READ text NOTIFY textChanged)
    Q_PROPERTY(int lineCount READ lineCount NOTIFY textChanged)
    // 1-based, inclusive; 0 when nothing is highlighted.
    Q_PROPERTY(int highlightFirst READ highlightFirst NOTIFY textChanged)
    Q_PROPERTY(int highlightLast READ highlightLast NOTIFY textChanged)

public:
    explicit TemplateText(Document *document, QObject *parent = nullptr);

    QString format() const { return m_format; }
    void setFormat(const QString &format);
    // Each: {id, name}; the CDK entry only when its exporter exists.
    QVariantList formats() const;
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString &id);
    QString text() const;
    int lineCount() const;
    int highlightFirst() const;
    int highlightLast() const;

signals:
    void formatChanged();
    void textChanged();

private:
    void refresh() const;
    void locate() const;

    Document *m_document;
    QString m_format = QStringLiteral("cfn-yaml");
    QString m_selectedId;
    mutable bool m_stale = true;
    QTimer m_settle;
    mutable QString m_text;
    mutable int m_lines = 0;
    mutable int m_first = 0;
    mutable int m_last = 0;
};

} // namespace sc
