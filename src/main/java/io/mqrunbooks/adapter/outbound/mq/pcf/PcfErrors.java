package io.mqrunbooks.adapter.outbound.mq.pcf;

import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.pcf.PCFException;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;

/** MQ reason codes to the port's typed reasons, and the one message format every PCF failure uses. */
final class PcfErrors {

    private PcfErrors() {
    }

    static Reason reasonFor(int reasonCode) {
        return switch (reasonCode) {
            case MQConstants.MQRC_NOT_AUTHORIZED -> Reason.NOT_AUTHORIZED;
            case MQConstants.MQRC_CONNECTION_BROKEN -> Reason.CONNECTION_BROKEN;
            // A queue manager that is ending (2161, 2162) is as unavailable as one that is down.
            case MQConstants.MQRC_HOST_NOT_AVAILABLE, MQConstants.MQRC_Q_MGR_NOT_AVAILABLE,
                 MQConstants.MQRC_Q_MGR_QUIESCING, MQConstants.MQRC_Q_MGR_STOPPING -> Reason.QUEUE_MANAGER_NOT_AVAILABLE;
            case MQConstants.MQRCCF_CHL_STATUS_NOT_FOUND -> Reason.NO_CHANNEL_STATUS;
            // 2085 for queues and listeners, 4032 for channels, 3312 for other named objects.
            case MQConstants.MQRC_UNKNOWN_OBJECT_NAME, MQConstants.MQRCCF_CHANNEL_NOT_FOUND,
                 MQConstants.MQRCCF_UNKNOWN_OBJECT_NAME -> Reason.OBJECT_NOT_FOUND;
            default -> Reason.OTHER;
        };
    }

    /** {@code 2035 MQRC_NOT_AUTHORIZED}; the name is MQ's own constant name. */
    static String describe(int reasonCode) {
        String name = MQConstants.lookupReasonCode(reasonCode);
        return reasonCode + " " + (name == null || name.isBlank() ? "(no MQ constant name known)" : name);
    }

    /** "QM1: START CHANNEL(X) (PCF MQCMD_START_CHANNEL) failed with reason 2035 MQRC_NOT_AUTHORIZED". */
    static MqAdminException failure(String queueManager, String operation, int reasonCode, Throwable cause) {
        String message = queueManager + ": " + operation + " failed with reason " + describe(reasonCode)
                + detailOf(cause);
        return new MqAdminException(reasonFor(reasonCode), queueManager, message, cause);
    }

    /** The parameter or error id an MQRCCF_* failure response names, when it names one. */
    private static String detailOf(Throwable cause) {
        if (cause instanceof PCFException pcf && pcf.exceptionSource instanceof PCFMessage[] responses) {
            for (PCFMessage response : responses) {
                if (response.getCompCode() == MQConstants.MQCC_OK) {
                    continue;
                }
                if (response.getParameter(MQConstants.MQIACF_PARAMETER_ID) != null) {
                    int id = (Integer) response.getParameterValue(MQConstants.MQIACF_PARAMETER_ID);
                    return " (parameter " + MqscAttributes.parameterName(id) + ")";
                }
                if (response.getParameter(MQConstants.MQIACF_ERROR_ID) != null) {
                    return " (error id " + response.getParameterValue(MQConstants.MQIACF_ERROR_ID) + ")";
                }
            }
        }
        return "";
    }
}
