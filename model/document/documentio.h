#pragma once
// Files in and out for the document: open (never writes), save through QSaveFile (a failed save
// leaves the old file whole; saving an unmodified document to its own file writes nothing).
// Saves keep the file's text: only what was edited changes (SourceText), and when an edit
// cannot be made in place the whole file is written anew and the report says so.

#include "model/document/document.h"
#include "model/template/sourcetext.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace sc {

// Reads the file into the document. On failure the document is untouched and the
// TemplateError (file:line:column: message) is thrown.
void openDocument(Document &document, const std::string &path, const ReadLimits &limits = {});

// The bytes the document would be exported as in a format: the whole tree written anew.
QByteArray serialize(const Document &document, TemplateFormat format);
// The text the document would be saved as in a format: its own text edited in place when it
// was read in that format, else written anew.
SaveText renderForSave(const Document &document, TemplateFormat format);
// "yaml"/"yml"/"template" -> YAML, "json" -> JSON, by the path's extension (default YAML).
TemplateFormat formatForPath(const std::string &path);
// The format a save to `path` writes: JSON for ".json", YAML for ".yaml" and ".yml", and the
// document's own format for any other name (a JSON file called "stack.template" stays JSON).
TemplateFormat formatForSave(const std::string &path, TemplateFormat current);

// How a save went, for the status bar: the mode, and a note when the file was rewritten.
struct SaveReport {
    SaveMode mode = SaveMode::Unchanged;
    bool written = false; // false when the file already held these bytes
    std::string note;
};

// Saves to `path` (format by formatForSave); returns an empty string or the error. Marks the
// document saved, and adopts the path, the format and the saved text.
std::string saveDocument(Document &document, const std::string &path, SaveReport *report = nullptr);

// Writes bytes atomically: all or nothing, even when the process is killed at any moment (the
// file is then the old one or the new one; a staging file left by a killed write is removed by
// the next write to the same file). Writes through a symbolic link to its target; a replaced
// file keeps its permissions.
std::string writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace sc
