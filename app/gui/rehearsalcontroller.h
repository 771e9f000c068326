#pragma once
// The Rollout tab's state: which deployable resource of the open document is rehearsed, with
// which strategy, fleet size, timings, injected failures and operator actions; the Timeline the
// rollout engine plays for that scenario; and the playback clock over it (play, pause, speed,
// loop, step between events, scrub). Everything shown about the deployment (counts, traffic,
// narration, metrics) is read from the engine's Timeline; nothing about AWS is decided here.
//
// Errors are returned as text (an empty string is success) or shown through `error`; a refused
// scenario keeps the last good Timeline out of view (ready turns false) and leaves the document
// untouched.

#include "app/gui/documentcontroller.h"
#include "model/rollout/rehearsal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <map>
#include <optional>

namespace sc {

class Document;

class RehearsalController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(sc::DocumentController *documentController READ documentController WRITE setDocumentController
                   NOTIFY documentControllerChanged)
    // [{id, type, platform, strategy, error}] for every deployable resource, in template order.
    Q_PROPERTY(QVariantList targets READ targets NOTIFY targetsChanged)
    Q_PROPERTY(QString target READ target NOTIFY scenarioChanged)
    Q_PROPERTY(QString strategy READ strategy NOTIFY scenarioChanged)
    Q_PROPERTY(QString templateStrategy READ templateStrategy NOTIFY scenarioChanged)
    // The predefined configurations the target accepts, then its custom forms.
    Q_PROPERTY(QStringList strategies READ strategies NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList customForms READ customForms NOTIFY scenarioChanged)
    Q_PROPERTY(int instances READ instances NOTIFY scenarioChanged) // 0: no fleet (Lambda, Route 53)
    Q_PROPERTY(QStringList failures READ failures NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList actions READ actions NOTIFY scenarioChanged)
    // [{name, seconds, defaultSeconds, documented, overridden, source, description}]
    Q_PROPERTY(QVariantList timings READ timings NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList notes READ notes NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList savedScenarios READ savedScenarioNames NOTIFY targetsChanged)
    Q_PROPERTY(QString error READ error NOTIFY scenarioChanged)
    Q_PROPERTY(bool ready READ isReady NOTIFY timelineChanged)
    // Changes with every run of the engine: bindings that call chartPoints() depend on it.
    Q_PROPERTY(int revision READ revision NOTIFY timelineChanged)

    // The Timeline.
    Q_PROPERTY(QString platform READ platform NOTIFY timelineChanged)
    Q_PROPERTY(QString result READ result NOTIFY timelineChanged)
    Q_PROPERTY(double duration READ duration NOTIFY timelineChanged)
    // [{index, t, type, name, status, subject, duration, detail}]
    Q_PROPERTY(QVariantList events READ events NOTIFY timelineChanged)
    // The distinct times at which events happen, ascending: the markers of the time axis.
    Q_PROPERTY(QVariantList eventTimes READ eventTimes NOTIFY timelineChanged)
    // [{t, trafficReplacement, healthy, running}] at every change point, for the charts.
    Q_PROPERTY(QVariantList samples READ samples NOTIFY timelineChanged)
    Q_PROPERTY(int peakInstances READ peakInstances NOTIFY timelineChanged)
    Q_PROPERTY(QVariantMap metrics READ metrics NOTIFY timelineChanged)

    // Playback.
    Q_PROPERTY(double time READ time WRITE seek NOTIFY timeChanged)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged) // 1 (real time) to 600
    Q_PROPERTY(bool loop READ loop WRITE setLoop NOTIFY loopChanged)
    // At the current time: {trafficOriginal, trafficReplacement, healthyOriginal,
    // healthyReplacement, instancesOriginal, instancesReplacement}.
    Q_PROPERTY(QVariantMap sample READ sample NOTIFY timeChanged)
    // [{kind, version, state, count}] at the current time (tilesAt).
    Q_PROPERTY(QVariantList tiles READ tiles NOTIFY timeChanged)
    // [{id, version, state}] of every instance or task at the current time, in launch order.
    Q_PROPERTY(QVariantList units READ units NOTIFY timeChanged)
    // The event under way (phaseAt): its index in `events`, -1 before the first.
    Q_PROPERTY(int currentEvent READ currentEvent NOTIFY timeChanged)
    // {title, text, topic, topicName, reference} of the event under way.
    Q_PROPERTY(QVariantMap narration READ narration NOTIFY timeChanged)
    // {logicalId: {original, replacement}} percent of each version through the traffic path.
    Q_PROPERTY(QVariantMap pathShares READ pathShares NOTIFY timeChanged)

public:
    explicit RehearsalController(QObject *parent = nullptr);

    DocumentController *documentController() const { return m_documentController; }
    void setDocumentController(DocumentController *controller);

    QVariantList targets() const { return m_targets; }
    QString target() const { return m_target; }
    QString strategy() const;
    QString templateStrategy() const { return m_templateStrategy; }
    QStringList strategies() const { return m_strategies; }
    QStringList customForms() const { return m_customForms; }
    int instances() const;
    QStringList failures() const { return m_failures; }
    QStringList actions() const { return m_actions; }
    QVariantList timings() const;
    QStringList notes() const;
    QStringList savedScenarioNames() const;
    QString error() const { return m_error; }
    bool isReady() const { return m_timeline.has_value(); }
    int revision() const { return m_revision; }

    QString platform() const;
    QString result() const;
    double duration() const;
    QVariantList events() const;
    QVariantList eventTimes() const;
    QVariantList samples() const;
    int peakInstances() const;
    QVariantMap metrics() const;

    double time() const { return static_cast<double>(m_time); }
    bool isPlaying() const { return m_playing; }
    void setPlaying(bool playing);
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    bool loop() const { return m_loop; }
    void setLoop(bool loop);
    QVariantMap sample() const;
    QVariantList tiles() const;
    QVariantList units() const;
    int currentEvent() const;
    QVariantMap narration() const;
    QVariantMap pathShares() const;

    // Starts a rehearsal of `logicalId` with the template's strategy and fleet. Returns "" or
    // why the resource cannot be rehearsed.
    Q_INVOKABLE QString rehearse(const QString &logicalId);
    // Changes to the scenario; each re-runs the engine and returns "" or the error.
    Q_INVOKABLE QString setStrategy(const QString &name); // "" returns to the template's
    Q_INVOKABLE QString setInstances(int count);           // 0 returns to the template's
    Q_INVOKABLE QString setTiming(const QString &name, double seconds);
    Q_INVOKABLE QString resetTiming(const QString &name);
    Q_INVOKABLE QString addFailure(const QString &spec);  // instance:K, hook:NAME, alarm:SECONDS
    Q_INVOKABLE QString addAction(const QString &spec);   // stop:S, rollback:S, continue:S
    Q_INVOKABLE void removeFailure(int index);
    Q_INVOKABLE void removeAction(int index);
    // The failure spec that makes the unit `unitId` fail (instance:K, K its order of receiving
    // the new revision), or "" when the unit is not part of the deployment.
    Q_INVOKABLE QString failureSpecForUnit(const QString &unitId) const;
    // The operator controls AWS offers on this platform: a subset of stop, rollback, continue.
    Q_INVOKABLE QStringList availableControls() const;

    Q_INVOKABLE void seek(double seconds);   // clamped to [0, duration]
    Q_INVOKABLE void stepNext();             // to the next event time after now
    Q_INVOKABLE void stepPrevious();         // to the last event time before now
    Q_INVOKABLE void togglePlaying() { setPlaying(!m_playing); }
    // Advances the time of a playing rehearsal by the wall time since the last advance: called
    // once per rendered frame by the window, so each frame shows a new moment. Without frames
    // (no window, or one that renders nothing) a timer advances it instead.
    Q_INVOKABLE void advanceFrame();

    // Stores the scenario in Metadata.StackCanvas.scenarios under `name`: one undo step.
    Q_INVOKABLE QString saveScenario(const QString &name);
    Q_INVOKABLE QString openSavedScenario(const QString &name);
    // A name for the scenario, e.g. "WebDeployment-OneAtATime".
    Q_INVOKABLE QString suggestedScenarioName() const;
    // What the edge between two resources of the traffic path carries now: the share of the end
    // that carries less ({original, replacement} in percent), or an empty map off the path.
    Q_INVOKABLE QVariantMap edgeShare(const QString &source, const QString &target) const;
    // A chart line in a width x height box: time across, the series up (trafficReplacement,
    // trafficOriginal: 0-100 %; healthy, running: 0 to the peak fleet), drawn as steps because a
    // sample holds until the next one.
    Q_INVOKABLE QVariantList chartPoints(const QString &series, double width, double height) const;
    // The timeline as CSV (simulate --format csv), written through QSaveFile.
    Q_INVOKABLE QString exportCsv(const QString &pathOrUrl) const;

    // The traffic and capacity charts as a picture: PNG or SVG by the name's suffix.
    Q_INVOKABLE QString exportCharts(const QString &pathOrUrl) const;

    // The rehearsed scenario with another strategy (std::nullopt: the template's), everything
    // else as set in the tab; throws std::invalid_argument as the engine refuses it.
    Scenario scenarioWithStrategy(const std::optional<std::string> &strategy) const;

    // Read-only access for C++ views, tests and the headless picture.
    const std::optional<Timeline> &timeline() const { return m_timeline; }
    const std::optional<Scenario> &scenario() const { return m_scenario; }

signals:
    void documentControllerChanged();
    void targetsChanged();
    void scenarioChanged();
    void timelineChanged();
    void timeChanged();
    void playingChanged();
    void speedChanged();
    void loopChanged();

private:
    void refreshTargets();
    // Builds the scenario from the template and the overrides, then simulates it.
    QString rebuild();
    void setTime(Seconds t);
    void advance();
    const Document *document() const;

    QPointer<DocumentController> m_documentController;
    QVariantList m_targets;
    QString m_target;
    QString m_templateStrategy;
    QStringList m_strategies;
    QStringList m_customForms;
    std::optional<std::string> m_strategyOverride;
    std::optional<int> m_instancesOverride;
    std::map<std::string, Seconds> m_timingOverrides;
    QStringList m_failures;
    QStringList m_actions;
    QString m_error;
    std::optional<Scenario> m_scenario;
    std::optional<Timeline> m_timeline;
    std::vector<Seconds> m_eventTimes;
    int m_revision = 0;

    Seconds m_time = 0;
    double m_exactTime = 0; // playback keeps fractions of a second between frames
    bool m_playing = false;
    double m_speed = 60;
    bool m_loop = false;
    QTimer m_clock;
    QElapsedTimer m_sinceFrame;
};

} // namespace sc
