#include "model/study/countorpercent.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace sc {

CountOrPercent CountOrPercent::parse(const std::string &text, const std::string &what)
{
    CountOrPercent result;
    std::string digits = text;
    if (!digits.empty() && digits.back() == '%') {
        result.percent = true;
        digits.pop_back();
    }
    const char *first = digits.data();
    const char *last = first + digits.size();
    const auto [end, error] = std::from_chars(first, last, result.value);
    if (digits.empty() || error != std::errc() || end != last || result.value < 0
        || (result.percent && result.value > 100))
        throw std::invalid_argument(what + " takes a whole number or a percentage from 0% to 100%, not \"" + text
                                    + "\"");
    return result;
}

int CountOrPercent::resolve(int targets, int minimum) const
{
    const long long count = percent ? static_cast<long long>(value) * targets / 100 : value;
    return static_cast<int>(std::max<long long>(count, minimum));
}

std::string CountOrPercent::text() const
{
    return std::to_string(value) + (percent ? "%" : "");
}

} // namespace sc
