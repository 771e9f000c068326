#pragma once
// The scenario options shared by `stackcanvas simulate` and the window's headless picture
// (`stackcanvas FILE --screenshot OUT.png --rehearse ID`): --strategy, --instances, --fail,
// --action and --set, with one grammar and one set of error messages.

#include "model/rollout/scenariobuilder.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <map>
#include <stdexcept>
#include <string>

namespace sc::cli {

// What the options ask for, read but not yet applied to a template.
struct ScenarioRequest {
    BuildOptions build;
    QStringList failures; // --fail specs
    QStringList actions;  // --action specs
    std::map<std::string, Seconds> timings; // --set NAME=SECONDS
};

class ScenarioOptions {
public:
    ScenarioOptions();
    QList<QCommandLineOption> options() const;
    // Reads the parsed options; returns "" or the usage error (--instances out of range, a
    // malformed --set).
    QString read(const QCommandLineParser &parser, ScenarioRequest &request) const;

private:
    QCommandLineOption m_strategy;
    QCommandLineOption m_instances;
    QCommandLineOption m_fail;
    QCommandLineOption m_action;
    QCommandLineOption m_set;
};

// An argument that the scenario refuses; what() starts with the option's name ("--fail: ...").
struct ScenarioOptionError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// The scenario of `target` in the template with the request applied and validated. Throws
// std::invalid_argument (ScenarioError, StrategyError...) saying what is wrong: what the template
// configures is checked first, then each option in turn (ScenarioOptionError naming the option).
Scenario buildScenario(const Json &templateRoot, const std::string &target, const ScenarioRequest &request);

} // namespace sc::cli
