#pragma once
// Files in and out for the document: open (never writes), save through QSaveFile (a failed save
// leaves the old file whole; saving an unmodified document to its own file writes nothing).

#include "model/document/document.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace sc {

// Reads the file into the document. On failure the document is untouched and the
// TemplateError (file:line:column: message) is thrown.
void openDocument(Document &document, const std::string &path);

// The bytes the document would be saved as in a format.
QByteArray serialize(const Document &document, TemplateFormat format);
// "yaml"/"yml"/"template" -> YAML, "json" -> JSON, by the path's extension (default YAML).
TemplateFormat formatForPath(const std::string &path);

// Saves to `path` (format from the extension); returns an empty string or the error. Marks the
// document saved, and adopts the path and format.
std::string saveDocument(Document &document, const std::string &path);

// Writes bytes atomically: all or nothing, even when the process is killed at any moment (the
// file is then the old one or the new one; a staging file left by a killed write is removed by
// the next write to the same file). Writes through a symbolic link to its target; a replaced
// file keeps its permissions.
std::string writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace sc
