#pragma once
// A strict reader of protobuf text format for the subset a Triton config.pbtxt uses, and a
// schema check of the fields Flightdeck writes against Triton's model_config.proto
// (inference.ModelConfig, ModelInput, ModelOutput, ModelDynamicBatching). It refuses what
// protobuf's own text parser refuses for these messages: unbalanced braces or brackets, an
// unknown field, a string where an integer belongs, an unknown enum value, a repeated scalar
// field given twice as a singular one. Used when protoc and python3-protobuf are not there to
// parse the file against the .proto itself.
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace flightdeck::test {

struct PbValue {
    enum Kind { Scalar, String, Message } kind = Scalar;
    std::string text;                                   // Scalar, String (unescaped)
    std::multimap<std::string, PbValue> fields;         // Message
};

class PbtxtReader {
public:
    explicit PbtxtReader(std::string text) : s_(std::move(text)) {}

    PbValue parse()
    {
        PbValue root;
        root.kind = PbValue::Message;
        fields(root, '\0');
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& what)
    {
        throw std::runtime_error("config.pbtxt offset " + std::to_string(i_) + ": " + what);
    }
    void skip()
    {
        for (;;) {
            while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])))
                ++i_;
            if (i_ < s_.size() && s_[i_] == '#') {
                while (i_ < s_.size() && s_[i_] != '\n')
                    ++i_;
                continue;
            }
            return;
        }
    }
    bool eat(char c)
    {
        skip();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    std::string identifier()
    {
        skip();
        const std::size_t start = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_'))
            ++i_;
        if (start == i_ || std::isdigit(static_cast<unsigned char>(s_[start])))
            fail("expected a field name");
        return s_.substr(start, i_ - start);
    }
    PbValue scalar()
    {
        skip();
        PbValue v;
        if (i_ < s_.size() && s_[i_] == '"') {
            v.kind = PbValue::String;
            for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_) {
                if (s_[i_] == '\n')
                    fail("line break inside a string");
                if (s_[i_] == '\\' && i_ + 1 < s_.size())
                    ++i_;
                v.text += s_[i_];
            }
            if (i_ >= s_.size())
                fail("unterminated string");
            ++i_;
            return v;
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) ||
                                  s_[i_] == '_' || s_[i_] == '-' || s_[i_] == '.' || s_[i_] == '+'))
            ++i_;
        if (start == i_)
            fail("expected a value");
        v.text = s_.substr(start, i_ - start);
        return v;
    }
    PbValue message()
    {
        PbValue m;
        m.kind = PbValue::Message;
        fields(m, '}');
        return m;
    }
    // One field: `name: scalar`, `name: [a, b]`, `name { }`, `name: { }`, `name [ {..}, {..} ]`.
    void field(PbValue& into)
    {
        const std::string name = identifier();
        const bool colon = eat(':');
        if (eat('{')) {
            into.fields.emplace(name, message());
            return;
        }
        if (eat('[')) {
            if (eat(']'))
                return;
            do {
                if (eat('{'))
                    into.fields.emplace(name, message());
                else if (!colon)
                    fail("a list of scalars needs ':' after " + name);
                else
                    into.fields.emplace(name, scalar());
            } while (eat(','));
            if (!eat(']'))
                fail("expected ']' closing " + name);
            return;
        }
        if (!colon)
            fail("expected ':' or '{' after " + name);
        into.fields.emplace(name, scalar());
    }
    void fields(PbValue& into, char close)
    {
        for (;;) {
            skip();
            if (i_ >= s_.size()) {
                if (close != '\0')
                    fail(std::string("expected '") + close + "' before the end");
                return;
            }
            if (close != '\0' && eat(close))
                return;
            if (s_[i_] == '}' || s_[i_] == ']')
                fail(std::string("unbalanced '") + s_[i_] + "'");
            field(into);
            eat(';') || eat(',');
        }
    }

    std::string s_;
    std::size_t i_ = 0;
};

// Field kinds of the messages Flightdeck writes, from Triton's model_config.proto.
enum class PbType { String, Int, DataType, RepeatedInt, Message, RepeatedMessage, Bool };

inline const std::map<std::string, std::map<std::string, PbType>>& tritonSchema()
{
    static const std::map<std::string, std::map<std::string, PbType>> schema = {
        {"ModelConfig", {{"name", PbType::String}, {"platform", PbType::String},
                         {"backend", PbType::String}, {"max_batch_size", PbType::Int},
                         {"input", PbType::RepeatedMessage}, {"output", PbType::RepeatedMessage},
                         {"dynamic_batching", PbType::Message},
                         {"instance_group", PbType::RepeatedMessage},
                         {"version_policy", PbType::Message}}},
        {"input", {{"name", PbType::String}, {"data_type", PbType::DataType},
                   {"dims", PbType::RepeatedInt}, {"optional", PbType::Bool}}},
        {"output", {{"name", PbType::String}, {"data_type", PbType::DataType},
                    {"dims", PbType::RepeatedInt}, {"label_filename", PbType::String}}},
        {"dynamic_batching", {{"preferred_batch_size", PbType::RepeatedInt},
                              {"max_queue_delay_microseconds", PbType::Int},
                              {"preserve_ordering", PbType::Bool}}},
    };
    return schema;
}

// Throws std::runtime_error naming the first field that breaks the schema.
inline void checkAgainstSchema(const PbValue& msg, const std::string& type)
{
    static const std::set<std::string> dataTypes = {
        "TYPE_INVALID", "TYPE_BOOL",  "TYPE_UINT8", "TYPE_UINT16", "TYPE_UINT32",
        "TYPE_UINT64",  "TYPE_INT8",  "TYPE_INT16", "TYPE_INT32",  "TYPE_INT64",
        "TYPE_FP16",    "TYPE_FP32",  "TYPE_FP64",  "TYPE_STRING", "TYPE_BF16"};
    const auto& fields = tritonSchema().at(type);
    std::map<std::string, int> seen;
    for (const auto& [name, value] : msg.fields) {
        const auto it = fields.find(name);
        if (it == fields.end())
            throw std::runtime_error(type + ": unknown field \"" + name + "\"");
        const int n = ++seen[name];
        const bool repeated = it->second == PbType::RepeatedInt ||
                              it->second == PbType::RepeatedMessage;
        if (!repeated && n > 1)
            throw std::runtime_error(type + ": \"" + name + "\" given twice");
        const auto isInt = [](const std::string& t) {
            std::size_t k = t.size() > 1 && (t[0] == '-' || t[0] == '+') ? 1 : 0;
            if (k >= t.size())
                return false;
            for (; k < t.size(); ++k)
                if (!std::isdigit(static_cast<unsigned char>(t[k])))
                    return false;
            return true;
        };
        switch (it->second) {
        case PbType::String:
            if (value.kind != PbValue::String)
                throw std::runtime_error(type + "." + name + ": expected a string");
            break;
        case PbType::Int:
        case PbType::RepeatedInt:
            if (value.kind != PbValue::Scalar || !isInt(value.text))
                throw std::runtime_error(type + "." + name + ": expected an integer, got " +
                                         value.text);
            break;
        case PbType::Bool:
            if (value.kind != PbValue::Scalar || (value.text != "true" && value.text != "false"))
                throw std::runtime_error(type + "." + name + ": expected true or false");
            break;
        case PbType::DataType:
            if (value.kind != PbValue::Scalar || !dataTypes.count(value.text))
                throw std::runtime_error(type + "." + name + ": unknown DataType " + value.text);
            break;
        case PbType::Message:
        case PbType::RepeatedMessage:
            if (value.kind != PbValue::Message)
                throw std::runtime_error(type + "." + name + ": expected a message");
            if (tritonSchema().count(name))
                checkAgainstSchema(value, name);
            break;
        }
    }
}

}  // namespace flightdeck::test
