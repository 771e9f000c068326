// stackcanvas edit FILE [--set ID.PATH=JSON]... [--unset ID.PATH]... [--rename OLD=NEW]...
//                       [--add ID=TYPE]... [--remove ID]... [-o OUT]
//
// Headless edits through the same undoable Document intents as the window, applied in the
// order given, then one text-preserving save: only the lines the edits touch change. Any
// refused edit stops everything before a byte is written.

#include "app/cli/clicommands.h"
#include "model/document/documentio.h"
#include "model/document/editrecorder.h"
#include "model/document/treeedit.h"
#include "model/template/templateerror.h"

#include <QCommandLineParser>

namespace sc::cli {

namespace {

// One edit option as given, in command-line order.
struct EditArgument {
    QString option; // "set", "unset", "rename", "add", "remove"
    QString value;
    QString display() const { return QStringLiteral("--%1 %2").arg(option, value); }
};

// An edit that could not be made: the argument, and where in the file it points when known.
struct Refusal {
    std::string message;
    SourcePos at;
};

const QStringList kEditOptions{QStringLiteral("set"), QStringLiteral("unset"), QStringLiteral("rename"),
                               QStringLiteral("add"), QStringLiteral("remove")};

// The edit options in the order they were given (QCommandLineParser keeps each option's
// values, not how different options interleave).
std::vector<EditArgument> editsInOrder(const QStringList &arguments)
{
    std::vector<EditArgument> edits;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (!a.startsWith(QLatin1String("--")))
            continue;
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
        if (!kEditOptions.contains(name))
            continue;
        if (eq >= 0)
            edits.push_back({name, a.mid(eq + 1)});
        else if (i + 1 < arguments.size())
            edits.push_back({name, arguments[++i]});
    }
    return edits;
}

// "Fn.Properties.Tags.0.Value" -> "/Resources/Fn/Properties/Tags/0/Value", checked against the
// template: the logical ID must exist, and no step may go through a scalar or past the end of
// a list. With `mustExist` (unset) the whole path must be there.
std::optional<Refusal> resolvePath(const Document &document, const QString &dotted, bool mustExist, std::string &pointer)
{
    const QStringList parts = dotted.split(QLatin1Char('.'));
    if (parts.size() < 2 || parts.contains(QString()))
        return Refusal{"expected LOGICAL_ID.PATH such as Fn.Properties.MemorySize", {}};
    const std::string id = parts.front().toStdString();
    if (!document.resource(id))
        return Refusal{"no resource '" + id + "' in the template", {}};
    pointer = SourceMap::join("/Resources", id);
    const Json *node = document.resource(id);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const std::string part = parts[i].toStdString();
        const std::string next = SourceMap::join(pointer, part);
        const SourcePos here = document.positions().find(pointer);
        if (!node) {
            pointer = next;
            continue; // created by set, inside an object that is created too
        }
        if (node->is_array()) {
            bool isIndex = false;
            const qsizetype index = parts[i].toLongLong(&isIndex);
            // One past the last item appends (set only, and only as the last step).
            const bool append = !mustExist && i + 1 == parts.size() && index == static_cast<qsizetype>(node->size());
            if (append) {
                pointer = next;
                return std::nullopt;
            }
            if (!isIndex || index < 0 || index >= static_cast<qsizetype>(node->size()))
                return Refusal{(pointer.substr(pointer.rfind('/') + 1)) + " is a list of " + std::to_string(node->size())
                                   + " item(s); '" + part + "' is not one of its indexes",
                               here};
            node = &(*node)[static_cast<std::size_t>(index)];
        } else if (node->is_object()) {
            const auto it = node->find(part);
            node = it == node->end() ? nullptr : &*it;
            if (!node && mustExist)
                return Refusal{"nothing at " + dotted.toStdString() + " ('" + part + "' is not there)", here};
        } else {
            return Refusal{pointer.substr(pointer.rfind('/') + 1) + " is a " + node->type_name() + ", it has no '"
                               + part + "'",
                           here};
        }
        pointer = next;
    }
    return std::nullopt;
}

std::pair<QString, QString> splitAt(const QString &value, QChar separator)
{
    const qsizetype at = value.indexOf(separator);
    if (at < 0)
        return {};
    return {value.left(at), value.mid(at + 1)};
}

std::optional<Refusal> apply(Document &document, const EditArgument &edit)
{
    const auto refused = [](const EditResult &result) -> std::optional<Refusal> {
        if (result)
            return std::nullopt;
        return Refusal{result.error, {}};
    };
    if (edit.option == QLatin1String("set")) {
        const auto [path, json] = splitAt(edit.value, QLatin1Char('='));
        if (path.isEmpty())
            return Refusal{"expected LOGICAL_ID.PATH=JSON", {}};
        std::string pointer;
        if (auto refusal = resolvePath(document, path, false, pointer))
            return refusal;
        Json value;
        try {
            value = Json::parse(json.toStdString());
        } catch (const Json::parse_error &e) {
            std::string why = e.what();
            if (const auto colon = why.find(": "); colon != std::string::npos)
                why = why.substr(colon + 2);
            return Refusal{"the value is not JSON (" + why + "); write a string with its quotes, '\"text\"'", {}};
        }
        std::string parent, token;
        tree::splitPointer(pointer, parent, token);
        const Json *list = tree::find(document.root(), parent);
        if (list && list->is_array() && !tree::find(document.root(), pointer)) {
            return refused(document.edit("Set " + pointer.substr(1), [&](EditRecorder &r, std::string &) {
                r.insertItem(parent, value);
                return true;
            }));
        }
        return refused(document.setValue(pointer, value));
    }
    if (edit.option == QLatin1String("unset")) {
        std::string pointer;
        if (auto refusal = resolvePath(document, edit.value, true, pointer))
            return refusal;
        return refused(document.removeValue(pointer));
    }
    if (edit.option == QLatin1String("rename")) {
        const auto [from, to] = splitAt(edit.value, QLatin1Char('='));
        if (from.isEmpty() || to.isEmpty())
            return Refusal{"expected OLD=NEW", {}};
        const EditResult result = document.renameLogicalId(from.toStdString(), to.toStdString());
        if (result)
            return std::nullopt;
        // Renaming onto a name in use: point at where that name is defined.
        SourcePos at;
        for (const char *section : {"/Resources", "/Parameters", "/Conditions", "/Outputs"}) {
            if (!at.isValid())
                at = document.positions().exact(SourceMap::join(section, to.toStdString()));
        }
        return Refusal{result.error, at};
    }
    if (edit.option == QLatin1String("add")) {
        const auto [id, type] = splitAt(edit.value, QLatin1Char('='));
        if (id.isEmpty() || type.isEmpty())
            return Refusal{"expected LOGICAL_ID=TYPE such as Queue=AWS::SQS::Queue", {}};
        SourcePos at;
        if (document.isNameTaken(id.toStdString()))
            at = document.positions().exact(SourceMap::join("/Resources", id.toStdString()));
        const EditResult result = document.addResource(type.toStdString(), {}, id.toStdString(), false);
        return result ? std::nullopt : std::optional<Refusal>(Refusal{result.error, at});
    }
    if (!document.resource(edit.value.toStdString()))
        return Refusal{"no resource '" + edit.value.toStdString() + "' in the template", {}};
    return refused(document.removeResources({edit.value.toStdString()}));
}

QString formatName(TemplateFormat format)
{
    return format == TemplateFormat::Json ? QStringLiteral("JSON") : QStringLiteral("YAML");
}

} // namespace

int runEdit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Edit a template headlessly. Edits apply in the order given, each as the window would make\n"
        "it; then the file is saved keeping its text: only the lines the edits touch change\n"
        "(comments, quoting and layout elsewhere stay byte for byte). With no edit the file is\n"
        "left as it is (with -o, copied unchanged)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The template to edit (YAML or JSON)."));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("Set a value: LOGICAL_ID.PATH=JSON, e.g. Fn.Properties.Timeout=30,\n"
                                                "'Fn.Properties.Runtime=\"python3.12\"', Fn.Properties.Tags.0.Value=\"x\".\n"
                                                "An index one past a list's last item appends to it."),
                                 QStringLiteral("ID.PATH=JSON"));
    const QCommandLineOption unset(QStringLiteral("unset"), QStringLiteral("Remove a value: LOGICAL_ID.PATH."),
                                   QStringLiteral("ID.PATH"));
    const QCommandLineOption rename(QStringLiteral("rename"),
                                    QStringLiteral("Rename a resource or parameter and every reference to it."),
                                    QStringLiteral("OLD=NEW"));
    const QCommandLineOption add(QStringLiteral("add"), QStringLiteral("Add a resource: LOGICAL_ID=TYPE."),
                                 QStringLiteral("ID=TYPE"));
    const QCommandLineOption remove(QStringLiteral("remove"),
                                    QStringLiteral("Remove a resource and the references other resources make to it."),
                                    QStringLiteral("ID"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT instead of editing FILE in place."), QStringLiteral("OUT"));
    parser.addOptions({set, unset, rename, add, remove, output});
    if (!parser.parse(QStringList{QStringLiteral("stackcanvas edit")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText() + QStringLiteral("\nExit codes: 0 saved (or nothing to do); 2 bad usage, unreadable input or "
                                               "a refused edit (nothing is written).\n"));
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(QStringLiteral("edit takes one FILE (see stackcanvas edit --help)"));
    const QString file = files.front();

    Document document;
    try {
        openDocument(document, file.toStdString());
    } catch (const TemplateError &e) {
        err(QString::fromUtf8(e.what()) + QLatin1Char('\n'));
        return 2;
    }
    const QString target = parser.isSet(output) ? parser.value(output) : file;
    if (formatForSave(target.toStdString(), document.format()) != document.format())
        return usageError(QStringLiteral("-o %1: edit keeps the file's format (%2); use stackcanvas export to convert")
                              .arg(target, formatName(document.format())));

    for (const EditArgument &edit : editsInOrder(arguments)) {
        if (const std::optional<Refusal> refusal = apply(document, edit)) {
            const QString where = refusal->at.isValid()
                                      ? QStringLiteral("%1:%2:%3: ").arg(file).arg(refusal->at.line).arg(refusal->at.column)
                                      : QStringLiteral("%1: ").arg(file);
            err(QStringLiteral("stackcanvas: %1%2: %3\n").arg(where, edit.display(), QString::fromStdString(refusal->message)));
            return 2;
        }
    }
    SaveReport report;
    if (const std::string error = saveDocument(document, target.toStdString(), &report); !error.empty()) {
        err(QString::fromStdString(error) + QLatin1Char('\n'));
        return 2;
    }
    if (!report.note.empty())
        err(QStringLiteral("%1: %2\n").arg(target, QString::fromStdString(report.note)));
    return 0;
}

} // namespace sc::cli
