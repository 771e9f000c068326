#include "model/undo/undoabledocument.h"

#include "model/undo/editcommand.h"

#include <QUndoStack>

namespace sc {

namespace {

class UndoStackHistory final : public EditHistory {
public:
    explicit UndoStackHistory(Document *document) : m_document(document) {}

    QUndoStack *stack() { return &m_stack; }

    void record(EditStep step) override { m_stack.push(new EditCommand(m_document, std::move(step))); }
    void clear() override { m_stack.clear(); }
    bool isClean() const override { return m_stack.isClean(); }
    void setClean() override { m_stack.setClean(); }

private:
    Document *m_document;
    QUndoStack m_stack;
};

} // namespace

UndoableDocument::UndoableDocument(QObject *parent)
    : Document(parent)
{
    auto history = std::make_unique<UndoStackHistory>(this);
    m_undoStack = history->stack();
    QObject::connect(m_undoStack, &QUndoStack::cleanChanged, this,
                     [this](bool clean) { emit modifiedChanged(!clean); });
    setHistory(std::move(history));
}

UndoableDocument::~UndoableDocument() = default;

} // namespace sc
