#!/usr/bin/env python3
"""An external mecsim policy in plain Python (standard library only):

    mecsim simulate s.json --policy-cmd "python3 experiments/policies/threshold_agent.py" --epoch 60

The rule of experiments/policies/threshold.ts, so both give the same run: each user joins its
highest-gain server and later moves only when another server's gain exceeds its current one by the
factor HYSTERESIS; every server splits its bandwidth and GPU frequency equally among its users
that send; power and user frequency at their maximum; the split stays at one local layer. After
the first decision it answers with a partial update (association and the two shares only).

The protocol (version 1, JSON Schema in experiments/policies/protocol.schema.json, also printed by
`mecsim schema policy`): one JSON object per line. mecsim sends `reset` (the scenario, the seed),
the agent answers `ready`; at every epoch mecsim sends `observe` (the observation and the reward of
the previous decision, -cost of the steps completed since), the agent answers `act`; at the run's
end mecsim sends `end` (the last reward) and closes stdin. Nothing else may go to stdout: print
diagnostics to stderr (mecsim quotes its last line if the agent fails).
"""
import json
import sys

PROTOCOL_VERSION = 1
HYSTERESIS = 2.0


def decide(scenario, observation):
    gains = observation["channelGain"]
    allocation = observation["allocation"]
    layers = scenario["llm"]["layers"]
    servers = scenario["servers"]
    users = scenario["users"]
    association = []
    for n, row in enumerate(gains):
        best = max(range(len(row)), key=lambda m: (row[m], -m))
        current = None if allocation is None else allocation["association"][n]
        moves = current is None or row[best] > HYSTERESIS * row[current]
        association.append(best if moves else current)
    local = [1] * len(users) if allocation is None else allocation["localLayers"]
    senders = [0] * len(servers)
    for n, m in enumerate(association):
        if local[n] < layers:
            senders[m] += 1

    def share(n, key):
        m = association[n]
        return servers[m][key] / senders[m] if local[n] < layers else 0

    decision = {
        "association": association,
        "bandwidthHz": [share(n, "bandwidthHz") for n in range(len(users))],
        "edgeFreqHz": [share(n, "maxFreqHz") for n in range(len(users))],
    }
    if allocation is None:
        decision["localLayers"] = local
        decision["powerW"] = [u["maxPowerW"] for u in users]
        decision["userFreqHz"] = [u["maxFreqHz"] for u in users]
    return decision


def reply(message):
    sys.stdout.write(json.dumps({"version": PROTOCOL_VERSION, **message}) + "\n")
    sys.stdout.flush()


def main():
    scenario = None
    episode_return = 0.0
    for line in sys.stdin:
        message = json.loads(line)
        if message.get("version") != PROTOCOL_VERSION:
            sys.exit(f"threshold_agent: protocol version {message.get('version')}, expected 1")
        kind = message["type"]
        if kind == "reset":
            scenario = message["scenario"]
            episode_return = 0.0
            reply({"type": "ready", "name": "threshold_agent"})
        elif kind == "observe":
            episode_return += message["reward"] or 0.0
            reply({"type": "act", "decision": decide(scenario, message["observation"])})
        elif kind == "end":
            episode_return += message["reward"] or 0.0
            print(f"threshold_agent: episode return {episode_return:.6g}", file=sys.stderr)


if __name__ == "__main__":
    main()
