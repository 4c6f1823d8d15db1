package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** The ids and message names Java refers to exist in the model, so a rename in Modeler fails here. */
class DunningModelTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(DunningModel.RESOURCE).toFile());

    @Test
    void everyElementIdConstantNamesAnElementOfTheModel() throws IllegalAccessException {
        for (Field field : constants()) {
            if (field.getName().startsWith("MESSAGE_") || field.getName().equals("RESOURCE")) {
                continue;
            }
            String id = (String) field.get(null);
            assertThat((Object) model.getModelElementById(id)).as("%s = %s in %s", field.getName(), id, DunningModel.RESOURCE).isNotNull();
        }
    }

    @Test
    void everyMessageConstantNamesAMessageOfTheModel() throws IllegalAccessException {
        List<String> names = model.getModelElementsByType(Message.class).stream().map(Message::getName).toList();
        for (Field field : constants()) {
            if (field.getName().startsWith("MESSAGE_")) {
                assertThat(names).as(field.getName()).contains((String) field.get(null));
            }
        }
    }

    @Test
    void everyEndEventHasACaseOutcome() {
        List<String> ends = model.getModelElementsByType(EndEvent.class).stream().map(EndEvent::getId).toList();

        assertThat(DunningModel.END_EVENT_OUTCOMES.keySet()).containsExactlyInAnyOrderElementsOf(ends);
    }

    @Test
    void theModelFileExistsWhereTheDeploymentReadsIt() {
        assertThat(Files.exists(Path.of(DunningModel.RESOURCE))).isTrue();
    }

    private static List<Field> constants() {
        return Stream.of(DunningModel.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .toList();
    }
}
