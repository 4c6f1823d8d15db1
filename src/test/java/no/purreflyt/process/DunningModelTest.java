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
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;

/** The ids and message names Java refers to exist in the model, so a rename in Modeler fails here. */
class DunningModelTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(DunningModel.RESOURCE).toFile());

    @Test
    void everyElementIdConstantNamesAnElementOfTheModel() throws IllegalAccessException {
        for (Field field : constants()) {
            if (field.getName().startsWith("MESSAGE_") || field.getName().startsWith("ERROR_")
                    || field.getName().equals("RESOURCE") || field.getName().equals("NO_STEP")) {
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
    void everyErrorCodeConstantIsAnErrorOfTheModel() throws IllegalAccessException {
        List<String> codes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class).stream()
                .map(org.camunda.bpm.model.bpmn.instance.Error::getErrorCode).toList();
        for (Field field : constants()) {
            if (field.getName().startsWith("ERROR_")) {
                assertThat(codes).as(field.getName()).contains((String) field.get(null));
            }
        }
    }

    /** The end events that end the case (the process's own and its event subprocesses') each close it with an outcome. */
    @Test
    void everyEndEventThatEndsTheCaseHasACaseOutcomeAndClosesTheCase() {
        List<EndEvent> caseEnds = model.getModelElementsByType(EndEvent.class).stream()
                .filter(end -> end.getParentElement() instanceof Process
                        || (end.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()))
                .toList();

        assertThat(DunningModel.END_EVENT_OUTCOMES.keySet())
                .containsExactlyInAnyOrderElementsOf(caseEnds.stream().map(EndEvent::getId).toList());
        for (EndEvent end : caseEnds) {
            assertThat(end.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
                    .as("%s closes the case", end.getId())
                    .anySatisfy(listener -> assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${closeCase}"));
        }
    }

    /** An end event inside a stage ends the stage only: closing the case there would close it while it goes on. */
    @Test
    void noInnerEndEventClosesTheCase() {
        model.getModelElementsByType(EndEvent.class).stream()
                .filter(end -> end.getParentElement() instanceof SubProcess sub && !sub.triggeredByEvent())
                .forEach(end -> assertThat(end.getExtensionElements() == null ? List.of()
                        : end.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
                        .as(end.getId()).isEmpty());
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
