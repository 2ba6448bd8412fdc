package io.mqrunbooks.platform.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Tasklist's task query and count with the authorization check as an EXISTS subquery (issue 21, docs/benchmarks.md
 * "Tasklist with 1,000 open tasks: profile"): Camunda 7.24 joins every task with the caller's grants, one per task,
 * which is quadratic on MariaDB. At startup this takes {@code selectTaskByQueryCriteria} and
 * {@code selectTaskCountByQueryCriteria} from the engine's own Task.xml, changes only the authorization join into an
 * EXISTS with the same conditions, registers them under new names and maps the engine's names to them
 * ({@link DbSqlSessionFactory#mapStatement}). Every filter, sort and tenant check stays Camunda's.
 *
 * <p>Who sees which task depends on this, so it refuses rather than guesses: if the engine's mapping no longer has
 * the shape this was written against (a Camunda upgrade), the engine keeps its own statements and a warning says so.
 */
@Component
public class ExistsAuthTaskQueryPlugin extends AbstractProcessEnginePlugin {

    static final String NAMESPACE = "io.mqrunbooks.platform.tasklist.ExistsAuthTaskQuery";
    /** The engine's statement names and ours. */
    public static final Map<String, String> STATEMENTS = Map.of(
            "selectTaskByQueryCriteria", "selectTaskByQueryCriteriaExistsAuth",
            "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteriaExistsAuth");

    private static final Logger LOG = LoggerFactory.getLogger(ExistsAuthTaskQueryPlugin.class);
    private static final String TEMPLATE = "io/mqrunbooks/platform/tasklist/exists-auth-task-query.xml";
    private static final String TASK_XML = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    private static final String AUTHORIZATION_XML = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";
    private static final String CAMUNDA = "org.camunda.bpm.engine.impl.persistence.entity.";
    private static final String AUTH_JOIN_ON = "AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ "
            + "${authJoinSeparator} '*' ${authJoinEnd})";
    /**
     * Camunda 7.24's fragments whose meaning existsAuthCheck repeats, by SHA-256 of their whitespace-collapsed XML:
     * a change in any of them means the EXISTS may no longer select what the join selects.
     */
    private static final Map<String, String> REPEATED_FRAGMENTS = Map.of(
            "authCheckJoinWithoutOnClause", "fd66ec7dd8cabfc30c5bf283b9c715006b576a789d75d8358e988b1d73b6ad28",
            "authCheckJoinWithoutOnClauseWithBinding", "b54ed905a9e8fa045a973f6bb3bdee7911b46cb44a6dcca896748a0d27b3f937",
            "contextualAuthorizationCheck", "47975ffee23f7a418110e0a3684dc71d7a888e49916451a96522f3663dc9b029");

    private Map<String, String> camundaStatements;
    private Map<String, String> existsStatements;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
        camundaStatements = statements.getStatementMappings();
        try {
            for (String name : STATEMENTS.keySet()) {
                if (camundaStatements != null && camundaStatements.containsKey(name)) {
                    throw new IllegalStateException("the engine maps " + name + " to " + camundaStatements.get(name)
                            + " on " + configuration.getDatabaseType());
                }
            }
            Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
            // A shared session factory (isUseSharedSqlSessionFactory) may have them from another engine already.
            if (!mybatis.hasStatement(NAMESPACE + "." + STATEMENTS.get("selectTaskByQueryCriteria"))) {
                byte[] mapper = mapper();
                new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, "mq-runbooks:" + NAMESPACE,
                        mybatis.getSqlFragments()).parse();
            }
        } catch (IllegalStateException | BuilderException | IOException | SAXException | ParserConfigurationException
                | TransformerException e) {
            // Camunda's own statements stay mapped: slower, never a different answer.
            LOG.warn("Tasklist's task query keeps Camunda's authorization join (slow with many open tasks): {}", e.getMessage());
            return;
        }
        Map<String, String> mappings = new HashMap<>(camundaStatements == null ? Map.of() : camundaStatements);
        mappings.putAll(STATEMENTS);
        existsStatements = Map.copyOf(mappings);
        // A copy: DbSqlSessionFactory's map is shared by every engine of the JVM on the same database type.
        statements.setStatementMappings(existsStatements);
    }

    /** Whether the engine runs our statements; false if Camunda's mapping had an unexpected shape. */
    public boolean installed() {
        return existsStatements != null;
    }

    /** The engine's statement mappings without ours (for tests that compare both). */
    public Map<String, String> camundaStatements() {
        return camundaStatements;
    }

    /** The engine's statement mappings with ours. */
    public Map<String, String> existsStatements() {
        return existsStatements;
    }

    /** Our mapper: the template with Camunda's task query statements, their authorization join replaced. */
    static byte[] mapper() throws IOException, SAXException, ParserConfigurationException, TransformerException {
        Document authorization = parse(AUTHORIZATION_XML);
        for (Map.Entry<String, String> fragment : REPEATED_FRAGMENTS.entrySet()) {
            String digest = digest(element(authorization, "sql", fragment.getKey()));
            if (!digest.equals(fragment.getValue())) {
                throw new IllegalStateException("Camunda's AuthorizationEntity." + fragment.getKey()
                        + " is not the one existsAuthCheck repeats (sha-256 " + digest + ")");
            }
        }
        Document task = parse(TASK_XML);
        Document ours = parse(TEMPLATE);
        Element root = ours.getDocumentElement();

        Element criteria = (Element) ours.importNode(element(task, "sql", "selectTaskByQueryCriteriaSql"), true);
        removeAuthJoin(criteria);
        List<Element> checks = includes(criteria, CAMUNDA + "AuthorizationEntity.contextualAuthorizationCheck");
        if (checks.size() != 1) {
            throw new IllegalStateException("selectTaskByQueryCriteriaSql has " + checks.size() + " contextual authorization checks");
        }
        checks.get(0).setAttribute("refid", "existsAuthCheck");
        if (!hasBind(criteria, "applyAuthorizationCheckForCaseInstances")) {
            throw new IllegalStateException("selectTaskByQueryCriteriaSql no longer binds applyAuthorizationCheckForCaseInstances");
        }
        if (Pattern.compile("\\bAUTH\\d*\\.").matcher(criteria.getTextContent()).find()) {
            throw new IllegalStateException("selectTaskByQueryCriteriaSql refers to the AUTH join elsewhere");
        }
        root.appendChild(ours.importNode(element(task, "sql", "columnSelection"), true));
        root.appendChild(criteria);
        for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
            Element select = (Element) ours.importNode(element(task, "select", statement.getKey()), true);
            select.setAttribute("id", statement.getValue());
            if (select.hasAttribute("resultMap")) {
                select.setAttribute("resultMap", CAMUNDA + "TaskEntity." + select.getAttribute("resultMap"));
            }
            root.appendChild(select);
        }
        // Local includes now resolve in our namespace: only the fragments copied here may be named.
        Set<String> local = Set.of("columnSelection", "selectTaskByQueryCriteriaSql", "existsAuthCheck", "callersGrants");
        for (Element include : includes(root, null)) {
            String refid = include.getAttribute("refid");
            if (!refid.contains(".") && !local.contains(refid)) {
                throw new IllegalStateException("Task.xml's task query includes " + refid + ", not copied");
            }
        }
        return serialize(ours);
    }

    /** Removes {@code <if shouldPerformAuthorizatioCheck><if !revoke> authCheckJoinWithoutOnClause AUTH ON (...)}. */
    private static void removeAuthJoin(Element criteria) {
        List<Element> joins = includes(criteria, CAMUNDA + "AuthorizationEntity.authCheckJoinWithoutOnClause");
        if (joins.size() != 1) {
            throw new IllegalStateException("selectTaskByQueryCriteriaSql has " + joins.size() + " authorization joins");
        }
        Node inner = joins.get(0).getParentNode();
        Node outer = inner.getParentNode();
        if (!(inner instanceof Element i && "if".equals(i.getTagName()) && "!authCheck.revokeAuthorizationCheckEnabled".equals(
                i.getAttribute("test").strip()) && outer instanceof Element o && "if".equals(o.getTagName())
                && o.getParentNode() == criteria && "authCheck.shouldPerformAuthorizatioCheck && authCheck.authUserId != null"
                .equals(o.getAttribute("test").strip()))) {
            throw new IllegalStateException("the authorization join of selectTaskByQueryCriteriaSql is not under the expected conditions");
        }
        String on = collapse(outer.getTextContent());
        if (!on.equals(AUTH_JOIN_ON)) {
            throw new IllegalStateException("the authorization join is on '" + on + "'");
        }
        criteria.removeChild(outer);
    }

    private static boolean hasBind(Element element, String name) {
        NodeList binds = element.getElementsByTagName("bind");
        for (int i = 0; i < binds.getLength(); i++) {
            Element bind = (Element) binds.item(i);
            if (bind.getAttribute("name").equals(name) && bind.getAttribute("value").equals("authCheck.useLeftJoin")) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> includes(Element element, String refid) {
        List<Element> found = new ArrayList<>();
        NodeList includes = element.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            Element include = (Element) includes.item(i);
            if (refid == null || include.getAttribute("refid").equals(refid)) {
                found.add(include);
            }
        }
        return found;
    }

    private static Element element(Document document, String tag, String id) {
        NodeList elements = document.getDocumentElement().getElementsByTagName(tag);
        Element found = null;
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.getAttribute("id").equals(id)) {
                if (found != null) {
                    throw new IllegalStateException("two <" + tag + " id=\"" + id + "\">");
                }
                found = element;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no <" + tag + " id=\"" + id + "\"> in the engine's mapping");
        }
        return found;
    }

    static String digest(Element element) throws TransformerException {
        StringWriter xml = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.transform(new DOMSource(element), new StreamResult(xml));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(collapse(xml.toString()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Document parse(String resource) throws IOException, SAXException, ParserConfigurationException {
        try (InputStream in = ExistsAuthTaskQueryPlugin.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The mapper DTD is not fetched: MyBatis validates the result when it parses it.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static byte[] serialize(Document document) throws TransformerException {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//mybatis.org//DTD Mapper 3.0//EN");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://mybatis.org/dtd/mybatis-3-mapper.dtd");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
