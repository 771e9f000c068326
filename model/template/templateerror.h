#pragma once
// The one error type of template reading: where (file, line, column) and what was expected.
// what() is "FILE:LINE:COLUMN: message", the form the CLI prints and editors understand.

#include <stdexcept>
#include <string>

namespace sc {

class TemplateError : public std::runtime_error {
public:
    TemplateError(std::string file, int line, int column, std::string message)
        : std::runtime_error(format(file, line, column, message))
        , m_file(std::move(file))
        , m_line(line)
        , m_column(column)
        , m_message(std::move(message))
    {
    }

    const std::string &file() const { return m_file; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    const std::string &message() const { return m_message; }

private:
    static std::string format(const std::string &file, int line, int column,
                              const std::string &message)
    {
        return file + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
    }

    std::string m_file;
    int m_line;
    int m_column;
    std::string m_message;
};

} // namespace sc
