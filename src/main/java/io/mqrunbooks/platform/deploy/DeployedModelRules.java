package io.mqrunbooks.platform.deploy;

import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormDefinition;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks every deployment, whoever sends it (REST, the webapps, the Java API), before the engine parses it: a
 * deployed model runs only the application's delegates and expressions {@link ModelExpressions} allows. No script
 * (script tasks, scripts in listeners or mappings, script conditions), no Java class named in the model, no
 * embedded HTML form (its scripts would run in a change manager's Tasklist), no decision or case model. So an
 * administrator's deployment cannot write an approval, read a secret or run a command: the runbooks' own rules
 * (sealed runs, four-eyes, the steps' checks) hold for what it does. A refusal is a 400 naming the resource, the
 * element and what is wrong.
 */
public class DeployedModelRules implements Deployer {

    /**
     * The suffixes Camunda 7.24's BpmnDeployer takes, without a dot as it matches them: {@code evil-bpmn} is parsed
     * as BPMN too, so it is checked as BPMN.
     */
    private static final List<String> BPMN_SUFFIXES = List.of("bpmn", "bpmn20.xml");
    /** Extension attributes naming Java code (Camunda's and the older Activiti namespace alike). */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "variableMappingDelegateExpression");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /**
     * Camunda 7 reads its extensions from the Activiti namespace too, but the checks here and the run guards read
     * the Camunda one: a gate's form or an approvedBy named there would pass unseen, so the namespace is refused.
     */
    private static final String ACTIVITI = "http://activiti.org/bpmn";
    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
    /**
     * A pinned version of a called runbook or a form may be one a later version fixed; a called run of a
     * superseded version is refused when it starts anyway (RunSealing), this names the model at deployment.
     */
    private static final Set<String> BINDINGS = Set.of("calledElementBinding", "caseBinding", "formRefBinding",
            "decisionRefBinding");
    private static final Set<String> PINNED = Set.of("version", "versionTag");

    private final ModelExpressions expressions;
    private final FormCatalog forms;

    public DeployedModelRules(Predicate<String> isBean, FormCatalog forms) {
        this.expressions = new ModelExpressions(isBean);
        this.forms = forms;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            check(resource.getName(), resource.getBytes()).ifPresent(refusal -> {
                throw new NotValidException("Deployment refused: " + refusal);
            });
        }
    }

    /** Why the resource may not be deployed, or empty when it may. */
    Optional<String> check(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (BPMN_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            // An allow-list, not a list of what to refuse: the engine's deployers match suffixes without a dot
            // (a decision named "xdmn" is a DMN with JUEL expressions), so anything but a form is refused.
            return lower.endsWith(".form") ? forms.deployedFormRefusal(name, bytes) : Optional.of(name + ": decision, case and HTML/script"
                    + " resources are not deployed here; runbooks are BPMN models (.bpmn) with Camunda Forms (.form)"
                    + " (docs/security.md)");
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            return Optional.of(name + ": not a BPMN XML document without DOCTYPE: " + e.getMessage());
        }
        return element(name, root).or(() -> gates(name, root)).or(() -> asyncStart(name, root));
    }

    /**
     * A run is sealed, its initiator the authenticated user, when its start event runs; after an asynchronous
     * start that is a job, run by nobody, so a user's run would be sealed as the schedule's: any operator could
     * abort it and its initiator could decide its own gates (Review H).
     */
    private static Optional<String> asyncStart(String resource, Element root) {
        for (Element start : descendants(root, "startEvent")) {
            boolean processStart = start.getParentNode() instanceof Element parent
                    && "process".equals(parent.getLocalName());
            if (processStart && ("true".equals(start.getAttributeNS(CAMUNDA, "asyncBefore"))
                    || "true".equals(start.getAttributeNS(CAMUNDA, "async")))) {
                return Optional.of(resource + ", start event '" + start.getAttribute("id") + "': a run's start is"
                        + " not asynchronous here; the run is sealed with who started it as its start event runs"
                        + " (put asyncBefore on the first step instead)");
            }
        }
        return Optional.empty();
    }

    /**
     * A step that changes the estate finds its gate by its {@code approvedBy} property, and any decision that lets
     * a plan go ahead counts: so the gate it names must offer {@code approve}, not only an acknowledgement (an
     * outage acknowledged is not a change approved).
     */
    private Optional<String> gates(String resource, Element root) {
        Map<String, String> formOfTask = new HashMap<>();
        for (Element task : descendants(root, "userTask")) {
            formOfTask.put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA, "formRef"));
        }
        for (Element property : descendants(root, "property")) {
            if (!CAMUNDA.equals(property.getNamespaceURI()) || !"approvedBy".equals(property.getAttribute("name"))) {
                continue;
            }
            for (String gate : property.getAttribute("value").split(",")) {
                String formId = formOfTask.get(gate.strip());
                Node step = property.getParentNode().getParentNode().getParentNode();
                String stepId = step instanceof Element e && e.hasAttribute("id") ? e.getAttribute("id") : "?";
                String named = resource + ", step '" + stepId + "': approvedBy names gate '" + gate.strip() + "'";
                if (formId == null || formId.isEmpty() || forms.form(formId).isEmpty()) {
                    return Optional.of(named + ", which is no user task of this model with one of the application's"
                            + " forms (a literal camunda:formRef)");
                }
                boolean approves = forms.form(formId).flatMap(FormDefinition::decisionField)
                        .map(field -> field.values().contains("approve")).orElse(false);
                if (!approves) {
                    return Optional.of(named + ", whose form '" + formId + "' offers no 'approve'; an"
                            + " acknowledgement approves no change");
                }
            }
        }
        return Optional.empty();
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private Optional<String> element(String resource, Element element) {
        String where = resource + ", " + element.getLocalName()
                + (element.hasAttribute("id") ? " '" + element.getAttribute("id") + "'" : "") + ": ";
        if (ACTIVITI.equals(element.getNamespaceURI())) {
            return Optional.of(where + "the Activiti namespace (" + ACTIVITI + ") is not accepted; use camunda:");
        }
        if (SCRIPT_ELEMENTS.contains(element.getLocalName())) {
            return Optional.of(where + "scripts are not run here; use a service task with a delegate expression");
        }
        if (element.hasAttribute("language") || element.hasAttribute("scriptFormat")) {
            return Optional.of(where + "a script language is named; conditions and mappings are expressions (${...})");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (ACTIVITI.equals(attribute.getNamespaceURI())) {
                return Optional.of(where + local + ": the Activiti namespace (" + ACTIVITI + ") is not accepted; use"
                        + " camunda:");
            }
            // camunda:class on a BPMN element, or class on a camunda:taskListener: both name code
            String namespace = attribute.getNamespaceURI() != null ? attribute.getNamespaceURI()
                    : element.getNamespaceURI();
            boolean extension = namespace != null && !namespace.startsWith("http://www.omg.org/")
                    && !namespace.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)
                    && !namespace.equals(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            Optional<String> refusal = !extension ? text(attribute.getValue())
                    : CLASS_ATTRIBUTES.contains(local)
                    ? Optional.of("it names a Java class; use a delegate expression naming a bean")
                    : local.equals("formKey") ? Optional.of("it names a form key; use a Camunda Form (formRef)")
                    : BINDINGS.contains(local) && PINNED.contains(attribute.getValue())
                    ? Optional.of("it pins an older version; bind to the latest (or for a form, the deployment)")
                    : DELEGATE_ATTRIBUTES.contains(local) ? ModelExpressions.delegateRefusal(attribute.getValue())
                    : text(attribute.getValue());
            if (refusal.isPresent()) {
                return Optional.of(where + local + "=\"" + abbreviate(attribute.getValue()) + "\": " + refusal.get());
            }
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        Optional<String> refusal = text(text.toString().strip());
        if (refusal.isPresent()) {
            return Optional.of(where + abbreviate(text.toString().strip()) + ": " + refusal.get());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                Optional<String> innerRefusal = element(resource, inner);
                if (innerRefusal.isPresent()) {
                    return innerRefusal;
                }
            }
        }
        return Optional.empty();
    }

    /** Text the engine may evaluate: checked when it holds an expression. */
    private Optional<String> text(String value) {
        return value.contains("${") || value.contains("#{") ? expressions.refusal(value) : Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
