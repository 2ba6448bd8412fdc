package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import org.springframework.stereotype.Component;

/** The secondary's crtmqm command as a JSON process variable (its validated parts, never a shell line). */
@Component
public class DrSecondaryCommandJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(DrSecondaryCommand command) {
        try {
            return mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the DR secondary command as JSON", e);
        }
    }

    public DrSecondaryCommand read(String json) {
        try {
            return mapper.readValue(json, DrSecondaryCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process variable drSecondaryCommand is not a DR secondary command: "
                    + e.getOriginalMessage(), e);
        }
    }
}
