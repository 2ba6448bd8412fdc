#!/usr/bin/env python3
"""Writes processes/drActivationProcess.bpmn (process and diagram) from the table below.

Kept beside the tests so the model and its layout can be regenerated after a change:
    python3 src/test/resources/runbooks/dractivation/generate_bpmn.py
"""
import os
from xml.sax.saxutils import escape

RETRY = "R3/PT30S"
N = []   # (key, id, kind, name, row, extra)
F = []   # (source, target, name, condition, back)


def node(key, id_, kind, name, row, **extra):
    N.append((key, id_, kind, name, row, extra))


def flow(source, target, name=None, condition=None, back=False):
    F.append((source, target, name, condition, back))


def service(key, id_, name, row, delegate):
    node(key, id_, "serviceTask", name, row, delegate=delegate)


def user(key, id_, name, row, form, group="mq-operators", **extra):
    node(key, id_, "userTask", name, row, form=form, group=group, **extra)


def gateway(key, id_, name, row):
    node(key, id_, "exclusiveGateway", name, row)


def timer(key, id_, name, row):
    node(key, id_, "timer", name, row)


node("start", "startEvent_disasterDeclared", "startEvent", "Disaster declared", 0, form="drActivationStart")
service("checkRequest", "serviceTask_checkRequest", "Check the request against the inventory", 0, "checkActivationRequestDelegate")
gateway("gwRequest", "gateway_requestValid", "Request valid?", 0)
node("endRefused", "endEvent_requestRefused", "endEvent", "Request refused", 1)
service("assess", "serviceTask_assessPrimary", "Assess the primary over SSH", 0, "assessPrimaryDelegate")
user("gate", "userTask_declareDisaster", "Declare disaster for ${queueManager}", 0, "drActivationDeclare", group="change-managers")
gateway("gwDeclared", "gateway_declared", "Disaster declared?", 0)
service("rejection", "serviceTask_recordRejection", "Record the rejection", 1, "recordDeclarationRejectionDelegate")
node("endRejected", "endEvent_rejected", "endEvent", "Declaration rejected", 1)
gateway("gwReachable", "gateway_primaryReachable", "Primary reachable?", 0)
service("endPrimary", "serviceTask_endPrimary", "End the primary (endmqm -i)", 0, "endPrimaryDelegate")
service("checkEnded", "serviceTask_checkPrimaryEnded", "Check the primary has ended (dspmq; RDQM: rdqmdr -s)", 0, "checkPrimaryEndedDelegate")
gateway("gwEnded", "gateway_primaryEnded", "Primary ended?", 0)
timer("timerPrimary", "timerEvent_waitPrimaryEnd", "Wait before the next dspmq", -1)
user("isolation", "userTask_confirmIsolation", "Confirm the primary ${queueManager} is isolated", 1, "drActivationConfirmIsolation")
gateway("gwPrepared", "gateway_backupPrepared", "Backup already prepared?", 0)
gateway("gwLevel", "gateway_backupLevel", "Backup level?", 0)
user("restore", "userTask_confirmRestore", "Confirm the media or log restore for ${queueManager}", 2, "drActivationConfirmRestore")
gateway("gwBaseline", "gateway_baselineAvailable", "Baseline available?", 1)
user("objectsCurrent", "userTask_confirmObjectsCurrent", "Confirm the objects of ${queueManager}'s backup are current", 2, "drActivationConfirmObjectsCurrent")
service("recheck", "serviceTask_recheckPrimary", "Re-check the primary before starting the backup", 0, "recheckPrimaryDelegate")
gateway("gwAgain", "gateway_primaryRunningAgain", "Primary running again?", 0)
gateway("gwHot", "gateway_hotBackup", "Hot backup?", 0)
service("promote", "serviceTask_promoteBackup", "Promote the secondary (rdqmdr -p)", -1, "promoteBackupDelegate")
service("checkPromotion", "serviceTask_checkPromotion", "Check the promotion (rdqmstatus)", -1, "checkBackupPromotionDelegate")
gateway("gwPromoted", "gateway_promotionComplete", "Promotion complete?", -1)
timer("timerPromotion", "timerEvent_waitPromotion", "Wait before the next rdqmstatus", -2)
service("startBackup", "serviceTask_startBackup", "Start the backup (strmqm)", 0, "startBackupDelegate")
gateway("gwVerify", "gateway_verifyBaseline", "Verify the object baseline?", 0)
service("applyBaseline", "serviceTask_applyBaseline", "Apply and verify the object baseline", 1, "applyObjectBaselineDelegate")
service("startListener", "serviceTask_startListener", "Start the listener", 0, "startBackupListenerDelegate")
service("checkRunning", "serviceTask_checkBackupRunning", "Check the backup and its listener run", 0, "checkBackupRunningDelegate")
gateway("gwRunning", "gateway_backupRunning", "Backup running?", 0)
timer("timerBackup", "timerEvent_waitBackup", "Wait before the next check", -1)
service("preparePartners", "serviceTask_preparePartnerTasks", "Prepare the channel partner tasks", 0, "preparePartnerTasksDelegate")
gateway("gwPartners", "gateway_hasPartners", "Any channel partners?", 0)
user("partner", "userTask_confirmPartner", "Confirm the partner's DR change for ${queueManager}", 1, "drActivationConfirmPartner", multi=True)
service("repoint", "serviceTask_repointChannels", "Repoint and start the sender channels", 1, "repointSenderChannelsDelegate")
service("checkChannels", "serviceTask_checkChannels", "Check the sender channels (DISPLAY CHSTATUS)", 1, "checkSenderChannelsDelegate")
gateway("gwChannels", "gateway_channelsRunning", "All sender channels running?", 1)
gateway("gwChannelTime", "gateway_channelTimeUp", "Waited too long for the channels?", 2)
timer("timerChannels", "timerEvent_waitChannels", "Wait before the next CHSTATUS", 3)
user("channelDecision", "userTask_decideStoppedChannels", "Decide about the channels of ${queueManager} that do not run", 2, "drActivationChannelDecision")
gateway("gwChannelDecision", "gateway_channelDecision", "Retry, skip or abort?", 2)
service("skip", "serviceTask_skipChannels", "Record the skipped channels", 2, "skipSenderChannelsDelegate")
service("checkCluster", "serviceTask_checkCluster", "Check the cluster channels to the full repositories", 0, "checkClusterChannelsDelegate")
gateway("gwCluster", "gateway_clusterRunning", "Cluster channels running?", 0)
timer("timerCluster", "timerEvent_waitCluster", "Wait before the next CLUSQMGR check", -1)
service("prove", "serviceTask_proveMessageFlow", "Prove message flow with a test message", 0, "proveMessageFlowDelegate")
service("sample", "serviceTask_sampleDrain", "Sample the transmission queue depths", 0, "sampleTransmissionQueuesDelegate")
gateway("gwDrained", "gateway_drained", "Drained to the level?", 0)
gateway("gwDrainTime", "gateway_drainTimeUp", "Drain time limit reached?", 1)
timer("timerDrain", "timerEvent_waitDrain", "Wait before the next sample", -1)
user("drainDecision", "userTask_decideDrain", "Decide: the backlog of ${queueManager} has not drained", 1, "drActivationDrainDecision")
gateway("gwDrainDecision", "gateway_drainDecision", "Keep waiting?", 1)
service("extend", "serviceTask_extendDrainWait", "Extend the drain time limit", 2, "extendDrainWaitDelegate")
service("ccdt", "serviceTask_produceCcdt", "Produce the client CCDT", 0, "produceClientChannelTableDelegate")
user("redirect", "userTask_redirectClients", "Redirect the clients of ${queueManager} (DNS or load balancer)", 0, "drActivationRedirectClients")
service("summarise", "serviceTask_summarise", "Summarise the activation (RTO)", 0, "summariseActivationDelegate")
node("endActivated", "endEvent_backupActivated", "endEvent", "Backup activated", 0)
service("abort", "serviceTask_recordAbort", "Record the abort", 4, "recordActivationAbortDelegate")
node("endAborted", "endEvent_aborted", "endEvent", "Activation aborted", 4)

flow("start", "checkRequest")
flow("checkRequest", "gwRequest")
flow("gwRequest", "assess", "yes", "${requestValid}")
flow("gwRequest", "endRefused", "no", "${!requestValid}")
flow("assess", "gate")
flow("gate", "gwDeclared")
flow("gwDeclared", "gwReachable", "approved", "${decision == 'approve'}")
flow("gwDeclared", "rejection", "rejected", "${decision != 'approve'}")
flow("rejection", "endRejected")
flow("gwReachable", "endPrimary", "yes: end it", "${primaryReachable}")
flow("gwReachable", "isolation", "no: confirm isolation", "${!primaryReachable}")
flow("endPrimary", "checkEnded")
flow("checkEnded", "gwEnded")
flow("gwEnded", "gwPrepared", "yes", "${primaryEnded}")
flow("gwEnded", "timerPrimary", "not yet", "${!primaryEnded}")
flow("timerPrimary", "checkEnded", back=True)
flow("isolation", "gwPrepared")
flow("gwPrepared", "gwLevel", "no", "${execution.getVariable('backupPrepared') != true}")
flow("gwPrepared", "recheck", "yes: re-check", "${execution.getVariable('backupPrepared') == true}")
flow("gwLevel", "recheck", "hot", "${backupLevel == 'hot'}")
flow("gwLevel", "gwBaseline", "warm", "${backupLevel == 'warm'}")
flow("gwLevel", "restore", "cold", "${backupLevel == 'cold'}")
flow("restore", "gwBaseline")
flow("gwBaseline", "recheck", "yes", "${baselineAvailable}")
flow("gwBaseline", "objectsCurrent", "no", "${!baselineAvailable}")
flow("objectsCurrent", "recheck")
flow("recheck", "gwAgain")
flow("gwAgain", "gwReachable", "yes: fence again", "${primaryMustBeFenced}", back=True)
flow("gwAgain", "gwHot", "no", "${!primaryMustBeFenced}")
flow("gwHot", "promote", "yes", "${backupLevel == 'hot'}")
flow("gwHot", "startBackup", "no", "${backupLevel != 'hot'}")
flow("promote", "checkPromotion")
flow("checkPromotion", "gwPromoted")
flow("gwPromoted", "startBackup", "yes", "${promotionComplete}")
flow("gwPromoted", "timerPromotion", "not yet", "${!promotionComplete}")
flow("timerPromotion", "checkPromotion", back=True)
flow("startBackup", "gwVerify")
flow("gwVerify", "applyBaseline", "yes", "${backupLevel != 'hot' && baselineAvailable}")
flow("gwVerify", "startListener", "no", "${backupLevel == 'hot' || !baselineAvailable}")
flow("applyBaseline", "startListener")
flow("startListener", "checkRunning")
flow("checkRunning", "gwRunning")
flow("gwRunning", "preparePartners", "yes", "${backupRunning}")
flow("gwRunning", "timerBackup", "not yet", "${!backupRunning}")
flow("timerBackup", "checkRunning", back=True)
flow("preparePartners", "gwPartners")
flow("gwPartners", "partner", "yes", "${partnerCount > 0}")
flow("gwPartners", "checkCluster", "no", "${partnerCount == 0}")
flow("partner", "repoint")
flow("repoint", "checkChannels")
flow("checkChannels", "gwChannels")
flow("gwChannels", "checkCluster", "yes", "${channelsRunning}")
flow("gwChannels", "gwChannelTime", "no", "${!channelsRunning}")
flow("gwChannelTime", "timerChannels", "no: poll again", "${!channelTimeUp}")
flow("gwChannelTime", "channelDecision", "yes", "${channelTimeUp}")
flow("timerChannels", "checkChannels", back=True)
flow("channelDecision", "gwChannelDecision")
flow("gwChannelDecision", "repoint", "retry", "${channelDecision == 'retry'}", back=True)
flow("gwChannelDecision", "skip", "skip", "${channelDecision == 'skip'}")
flow("gwChannelDecision", "abort", "abort", "${channelDecision == 'abort'}")
flow("skip", "checkCluster")
flow("checkCluster", "gwCluster")
flow("gwCluster", "prove", "yes", "${clusterRunning}")
flow("gwCluster", "timerCluster", "not yet", "${!clusterRunning}")
flow("timerCluster", "checkCluster", back=True)
flow("prove", "sample")
flow("sample", "gwDrained")
flow("gwDrained", "ccdt", "yes", "${drained}")
flow("gwDrained", "gwDrainTime", "no", "${!drained}")
flow("gwDrainTime", "timerDrain", "no: sample again", "${!drainTimeUp}")
flow("gwDrainTime", "drainDecision", "yes", "${drainTimeUp}")
flow("timerDrain", "sample", back=True)
flow("drainDecision", "gwDrainDecision")
flow("gwDrainDecision", "extend", "keep waiting", "${drainDecision == 'wait'}")
flow("gwDrainDecision", "ccdt", "continue anyway", "${drainDecision == 'continue'}")
flow("extend", "timerDrain", back=True)
flow("ccdt", "redirect")
flow("redirect", "summarise")
flow("summarise", "endActivated")
flow("abort", "endAborted")

# ---------------------------------------------------------------- layout
SIZE = {"startEvent": (36, 36), "endEvent": (36, 36), "timer": (36, 36), "exclusiveGateway": (50, 50),
        "serviceTask": (120, 80), "userTask": (120, 80)}
by_key = {n[0]: n for n in N}
ids = {n[0]: n[1] for n in N}
col = {n[0]: 0 for n in N}
for _ in range(len(N)):
    for s, t, _, _, back in F:
        if not back and col[t] < col[s] + 1:
            col[t] = col[s] + 1
COL_W, ROW_H, X0, Y0 = 170, 140, 100, 420
centre = {}
for key, id_, kind, name, row, extra in N:
    centre[key] = (X0 + col[key] * COL_W, Y0 + row * ROW_H)


def bounds(key):
    kind = by_key[key][2]
    w, h = SIZE[kind]
    cx, cy = centre[key]
    return cx - w / 2, cy - h / 2, w, h


def waypoints(s, t, back):
    sx, sy = centre[s]
    tx, ty = centre[t]
    _, _, sw, sh = bounds(s)
    _, _, tw, th = bounds(t)
    if back:
        low = max(sy + sh / 2, ty + th / 2) + 40 if sy >= ty else min(sy - sh / 2, ty - th / 2) - 40
        ys = sy + sh / 2 if low > sy else sy - sh / 2
        yt = ty + th / 2 if low > ty else ty - th / 2
        return [(sx, ys), (sx, low), (tx, low), (tx, yt)]
    if sy == ty:
        return [(sx + sw / 2, sy), (tx - tw / 2, ty)]
    return [(sx, sy + sh / 2 if ty > sy else sy - sh / 2), (sx, ty), (tx - tw / 2, ty)]


# ---------------------------------------------------------------- XML
out = []
w = out.append
w('<?xml version="1.0" encoding="UTF-8"?>')
w('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_drActivation" '
  'targetNamespace="http://mqrunbooks.io/bpmn" exporter="mq-runbooks generate_bpmn.py" exporterVersion="1.0">')
w('  <bpmn:process id="drActivationProcess" name="DR activation of a backup queue manager" isExecutable="true" '
  'camunda:historyTimeToLive="P180D">')
w('    <bpmn:documentation>Seed 000 / issue 6: declare, assess the primary, change-manager gate, fence the primary '
  '(never two actives on the same data), prepare the backup by level, strmqm and listener, channel partners, sender '
  'and cluster channels, test message, backlog drain, client redirect, RTO summary. docs/runbook-dr-activation.md'
  '</bpmn:documentation>')
incoming = {k: [] for k in by_key}
outgoing = {k: [] for k in by_key}
flow_ids = []
for i, (s, t, name, cond, back) in enumerate(F):
    fid = "flow_%s_%s" % (s, t)
    flow_ids.append(fid)
    outgoing[s].append(fid)
    incoming[t].append(fid)

for key, id_, kind, name, row, extra in N:
    attrs = 'id="%s" name="%s"' % (id_, escape(name, {'"': "&quot;"}))
    flows = "".join('\n      <bpmn:incoming>%s</bpmn:incoming>' % f for f in incoming[key]) + \
        "".join('\n      <bpmn:outgoing>%s</bpmn:outgoing>' % f for f in outgoing[key])
    if kind == "startEvent":
        w('    <bpmn:startEvent %s camunda:formRef="%s" camunda:formRefBinding="deployment">'
          % (attrs, extra["form"]))
        w('      <bpmn:extensionElements>')
        w('        <camunda:executionListener delegateExpression="${recordDeclarationTimeListener}" event="start" />')
        w('      </bpmn:extensionElements>%s' % flows)
        w('    </bpmn:startEvent>')
    elif kind == "endEvent":
        w('    <bpmn:endEvent %s>%s\n    </bpmn:endEvent>' % (attrs, flows))
    elif kind == "serviceTask":
        w('    <bpmn:serviceTask %s camunda:asyncBefore="true" camunda:delegateExpression="${%s}">' % (attrs, extra["delegate"]))
        w('      <bpmn:extensionElements>')
        w('        <camunda:failedJobRetryTimeCycle>%s</camunda:failedJobRetryTimeCycle>' % RETRY)
        w('      </bpmn:extensionElements>%s' % flows)
        w('    </bpmn:serviceTask>')
    elif kind == "userTask":
        w('    <bpmn:userTask %s camunda:formRef="%s" camunda:formRefBinding="deployment" camunda:candidateGroups="%s">'
          % (attrs, extra["form"], extra["group"]))
        if extra.get("multi"):
            w('      <bpmn:extensionElements>')
            w('        <camunda:taskListener delegateExpression="${preparePartnerTaskListener}" event="create" />')
            w('        <camunda:taskListener delegateExpression="${recordPartnerConfirmationListener}" event="complete" />')
            w('      </bpmn:extensionElements>%s' % flows)
            w('      <bpmn:multiInstanceLoopCharacteristics>')
            w('        <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${partnerCount}</bpmn:loopCardinality>')
            w('      </bpmn:multiInstanceLoopCharacteristics>')
        else:
            w(flows.lstrip("\n") and flows[1:] if False else flows.replace("\n", "\n", 1)[1:] if flows else "")
        w('    </bpmn:userTask>')
    elif kind == "exclusiveGateway":
        w('    <bpmn:exclusiveGateway %s>%s\n    </bpmn:exclusiveGateway>' % (attrs, flows))
    elif kind == "timer":
        w('    <bpmn:intermediateCatchEvent %s>%s' % (attrs, flows))
        w('      <bpmn:timerEventDefinition id="%s_definition">' % id_)
        w('        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${pollInterval}</bpmn:timeDuration>')
        w('      </bpmn:timerEventDefinition>')
        w('    </bpmn:intermediateCatchEvent>')
for fid, (s, t, name, cond, back) in zip(flow_ids, F):
    nattr = ' name="%s"' % escape(name, {'"': "&quot;"}) if name else ""
    if cond:
        w('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s">' % (fid, nattr, ids[s], ids[t]))
        w('      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % escape(cond))
        w('    </bpmn:sequenceFlow>')
    else:
        w('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s" />' % (fid, nattr, ids[s], ids[t]))
w('  </bpmn:process>')
w('  <bpmndi:BPMNDiagram id="BPMNDiagram_drActivation">')
w('    <bpmndi:BPMNPlane id="BPMNPlane_drActivation" bpmnElement="drActivationProcess">')
for key, id_, kind, name, row, extra in N:
    x, y, bw, bh = bounds(key)
    marker = ' isMarkerVisible="true"' if kind == "exclusiveGateway" else ""
    w('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>' % (id_, id_, marker))
    w('        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />' % (x, y, bw, bh))
    if kind not in ("serviceTask", "userTask"):
        w('        <bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="100" height="40" /></bpmndi:BPMNLabel>'
          % (x + bw / 2 - 50, y + bh + 4))
    w('      </bpmndi:BPMNShape>')
for fid, (s, t, name, cond, back) in zip(flow_ids, F):
    w('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">' % (fid, fid))
    for px, py in waypoints(s, t, back):
        w('        <di:waypoint x="%d" y="%d" />' % (px, py))
    w('      </bpmndi:BPMNEdge>')
w('    </bpmndi:BPMNPlane>')
w('  </bpmndi:BPMNDiagram>')
w('</bpmn:definitions>')

here = os.path.dirname(os.path.abspath(__file__))
target = os.path.join(here, "..", "..", "..", "..", "..", "processes", "drActivationProcess.bpmn")
with open(os.path.normpath(target), "w") as f:
    f.write("\n".join(line for line in out if line != "") + "\n")
print("wrote", os.path.normpath(target), len(N), "elements,", len(F), "flows")
