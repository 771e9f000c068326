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

// The scenario of `target` in the template with the request applied and validated. Throws
// std::invalid_argument (ScenarioError, StrategyError...) saying what is wrong.
Scenario buildScenario(const Json &templateRoot, const std::string &target, const ScenarioRequest &request);

} // namespace sc::cli
