#pragma once
// What a rehearsal says while it plays: for every event of a Timeline, a sentence on what AWS
// is doing and why, with the study topic it teaches (shared/seed/TOPICS.md numbering) and the
// section of the deployment-semantics reference it rests on; and the phase under way at any
// time, to name it on the target's card.

#include "model/rollout/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

struct Narration {
    std::string text;      // what AWS does and why, in study language
    int topic = 0;         // 1..8: Elastic Beanstalk, CodeDeploy, CloudFormation, ... (TOPICS.md)
    std::string reference; // "reference §2.1": where the fact comes from
};

// The narration of an event of a timeline of `platform` (Timeline::platform); nullopt only for
// an event the engine does not write.
std::optional<Narration> narrate(const std::string &platform, const TimelineEvent &event);

struct Phase {
    std::size_t event = 0; // index into Timeline::events
    Seconds start = 0;
    Seconds end = 0; // start + duration; equal to start for an instant
};

// The phase under way at t: the event running at t that started last (a lifecycle event, a
// wait, a traffic shift...), or, between events, the last one that happened. nullopt before
// the first event. One pass over the events: O(events).
std::optional<Phase> phaseAt(const Timeline &timeline, Seconds t);

// The same answer for times that only increase (a sweep over the samples, playback), in
// O(events) for the whole sweep.
class PhaseCursor {
public:
    explicit PhaseCursor(const Timeline &timeline);
    std::optional<Phase> at(Seconds t); // t must not decrease between calls

private:
    const Timeline &m_timeline;
    std::size_t m_next = 0;
    std::vector<std::size_t> m_open; // started events, in start order; ended ones leave from the top
    std::optional<std::size_t> m_last;
};

} // namespace sc
