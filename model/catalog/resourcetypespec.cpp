#include "model/catalog/resourcetypespec.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace sc {

namespace {

// Properties, attributes and property types are written sorted by name, so lookups bisect.
template<typename T>
const T *findByName(const std::vector<T> &items, std::string_view name)
{
    auto it = std::lower_bound(items.begin(), items.end(), name,
                               [](const T &item, std::string_view n) { return item.name < n; });
    return it != items.end() && it->name == name ? &*it : nullptr;
}

// A record as the stream of values nlohmann's CBOR reader reports. The record's shape is fixed
// (see generate-catalog.mjs), so a cursor over this stream reads it straight into the spec: no
// document tree is built, and every string is moved, not copied, from the reader to the spec.
struct Token {
    enum Kind : unsigned char { String, Number, Object, Array, Close, Key, Other } kind;
    std::string text;
    std::uint64_t number = 0;
};

class TokenStream final : public nlohmann::json_sax<nlohmann::json> {
public:
    std::vector<Token> tokens;
    std::string error;

    bool null() override { return push(Token::Other); }
    bool boolean(bool) override { return push(Token::Other); }
    bool number_integer(number_integer_t) override { return push(Token::Other); }
    bool number_unsigned(number_unsigned_t value) override
    {
        tokens.push_back({Token::Number, {}, value});
        return true;
    }
    bool number_float(number_float_t, const string_t &) override { return push(Token::Other); }
    bool string(string_t &value) override { return push(Token::String, std::move(value)); }
    bool binary(binary_t &) override { return push(Token::Other); }
    bool start_object(std::size_t) override { return push(Token::Object); }
    bool key(string_t &value) override { return push(Token::Key, std::move(value)); }
    bool end_object() override { return push(Token::Close); }
    bool start_array(std::size_t) override { return push(Token::Array); }
    bool end_array() override { return push(Token::Close); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &e) override
    {
        error = e.what();
        return false;
    }

private:
    bool push(Token::Kind kind, std::string text = {})
    {
        tokens.push_back({kind, std::move(text)});
        return true;
    }
};

class RecordReader {
public:
    RecordReader(std::vector<Token> tokens, const std::string &type)
        : m_tokens(std::move(tokens))
        , m_type(type)
    {
    }

    void read(ResourceTypeSpec &spec)
    {
        expect(Token::Object, "the record's object");
        while (!atClose()) {
            const std::string key = take(Token::Key, "a key").text;
            if (key == "d")
                spec.documentation = string();
            else if (key == "r")
                spec.refReturns = string();
            else if (key == "ri")
                spec.refIdentifiers = strings();
            else if (key == "p")
                spec.properties = properties();
            else if (key == "a")
                list([&] {
                    AttributeSpec a;
                    a.name = string();
                    a.type = string();
                    a.documentation = string();
                    a.cdkName = string();
                    spec.attributes.push_back(std::move(a));
                });
            else if (key == "t")
                list([&] {
                    PropertyTypeSpec t;
                    t.name = string();
                    t.cdkName = string();
                    t.properties = properties();
                    spec.propertyTypes.push_back(std::move(t));
                });
            else
                skipValue();
        }
        expect(Token::Close, "the end of the record");
        if (m_next != m_tokens.size())
            fail("the end of the data");
    }

private:
    // Row layout: [name, kind, type, flags, doc, cdkName, enums?, alternatives?, references?];
    // an absent list is written as 0.
    std::vector<PropertySpec> properties()
    {
        enum Flag { Required = 1, Replacement = 2, Primitive = 4, ConditionalReplacement = 8, CdkUntyped = 16,
                    CdkTagList = 32, CdkTypedDeeper = 64 };
        std::vector<PropertySpec> out;
        list([&] {
            PropertySpec p;
            p.name = string();
            const std::string kind = string();
            p.kind = kind == "L"   ? PropertySpec::Kind::List
                     : kind == "M" ? PropertySpec::Kind::Map
                     : kind == "J" ? PropertySpec::Kind::Json
                                   : PropertySpec::Kind::Scalar;
            p.type = string();
            const std::uint64_t flags = take(Token::Number, "the flags").number;
            p.required = flags & Required;
            p.causesReplacement = flags & Replacement;
            p.itemIsPrimitive = flags & Primitive;
            p.replacementConditional = flags & ConditionalReplacement;
            p.cdkUntyped = flags & CdkUntyped;
            p.cdkTagList = flags & CdkTagList;
            p.cdkTypedDeeper = flags & CdkTypedDeeper;
            p.documentation = string();
            p.cdkName = string();
            for (std::vector<std::string> *optional : {&p.enumValues, &p.alternativeTypes, &p.references}) {
                if (atClose())
                    break;
                *optional = strings();
            }
            out.push_back(std::move(p));
        });
        return out;
    }

    // An array whose items `item` reads, each item itself an array.
    template<typename Item>
    void list(Item item)
    {
        expect(Token::Array, "a list");
        while (!atClose()) {
            expect(Token::Array, "a row");
            item();
            expect(Token::Close, "the end of a row");
        }
        expect(Token::Close, "the end of a list");
    }

    std::string string() { return std::move(take(Token::String, "a string").text); }

    // A list of strings, or the 0 that stands for none.
    std::vector<std::string> strings()
    {
        std::vector<std::string> out;
        if (peek() != Token::Array) {
            take(Token::Number, "a list of strings or 0");
            return out;
        }
        ++m_next;
        while (!atClose())
            out.push_back(string());
        ++m_next;
        return out;
    }

    void skipValue()
    {
        int depth = 0;
        do {
            const Token::Kind kind = take(peek(), "a value").kind;
            depth += kind == Token::Array || kind == Token::Object ? 1 : kind == Token::Close ? -1 : 0;
        } while (depth > 0);
    }

    Token::Kind peek() const { return m_next < m_tokens.size() ? m_tokens[m_next].kind : Token::Other; }
    bool atClose() const
    {
        if (m_next >= m_tokens.size())
            fail("more data");
        return m_tokens[m_next].kind == Token::Close;
    }
    void expect(Token::Kind kind, const char *what) { take(kind, what); }
    Token &take(Token::Kind kind, const char *what)
    {
        if (m_next >= m_tokens.size() || m_tokens[m_next].kind != kind)
            fail(what);
        return m_tokens[m_next++];
    }
    [[noreturn]] void fail(const char *expected) const
    {
        throw std::runtime_error("catalog record of " + m_type + " is corrupt: expected " + expected
                                 + " at value " + std::to_string(m_next));
    }

    std::vector<Token> m_tokens;
    std::size_t m_next = 0;
    const std::string &m_type;
};

} // namespace

bool isNumberType(std::string_view type)
{
    return type == "Integer" || type == "Long" || type == "Double" || type == "Number";
}

const PropertySpec *PropertyTypeSpec::property(std::string_view name) const
{
    return findByName(properties, name);
}

const PropertySpec *ResourceTypeSpec::property(std::string_view name) const
{
    return findByName(properties, name);
}

const AttributeSpec *ResourceTypeSpec::attribute(std::string_view name) const
{
    return findByName(attributes, name);
}

const PropertyTypeSpec *ResourceTypeSpec::propertyType(std::string_view name) const
{
    return findByName(propertyTypes, name);
}

std::vector<std::string> ResourceTypeSpec::requiredProperties() const
{
    std::vector<std::string> out;
    for (const PropertySpec &p : properties)
        if (p.required)
            out.push_back(p.name);
    return out;
}

ResourceTypeSpec ResourceTypeSpec::fromRecord(std::string type, std::string cdkModule,
                                              std::string cdkClass, std::string_view record)
{
    ResourceTypeSpec spec;
    spec.type = std::move(type);
    spec.cdkModule = std::move(cdkModule);
    spec.cdkClass = std::move(cdkClass);
    TokenStream stream;
    stream.tokens.reserve(record.size() / 8);
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(record.data());
    if (!nlohmann::json::sax_parse(bytes, bytes + record.size(), &stream, nlohmann::json::input_format_t::cbor))
        throw std::runtime_error("catalog record of " + spec.type + " is not CBOR: " + stream.error);
    RecordReader(std::move(stream.tokens), spec.type).read(spec);
    return spec;
}

} // namespace sc
