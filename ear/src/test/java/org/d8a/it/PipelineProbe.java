package org.d8a.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * Test-only servlet, deployed next to the application as {@code d8a-it-probe.war} ({@link Pipeline#probe()}): what the
 * product keeps upstream of {@code GET /spool} and does not report itself. {@code GET /d8a-it-probe/pipeline} answers
 * {@code {"replays_running":..,"queued":..,"proto_sessions":..}}, read in that order, which is the order hits move in:
 * replay executions still running (they put hits on the queue), messages in the hits queue (in delivery included, the
 * count the timing wheel itself reads; on a remote broker, the messages a browser sees, so a test there also asks the
 * broker, see {@link RemoteBroker#messageCount}), proto-sessions not yet closed. It only reads.
 */
@WebServlet("/pipeline")
public class PipelineProbe extends HttpServlet {

    private static final String HITS_QUEUE = "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=hits";

    @Resource(lookup = "java:jboss/datasources/d8a")
    private DataSource database;

    @Resource(lookup = "java:/jms/d8a/hits-connection-factory")
    private ConnectionFactory hitsConnectionFactory;

    @Resource(lookup = "java:/jms/queue/hits")
    private Queue hitsQueue;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long replaysRunning;
        long queued;
        long protoSessions;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // JBeret's JDBC job repository (server.cli puts it in the d8a database)
            replaysRunning = count(statement, "select count(*) from JOB_EXECUTION e join JOB_INSTANCE i"
                    + " on e.JOBINSTANCEID = i.JOBINSTANCEID where i.JOBNAME = 'replay'"
                    + " and e.BATCHSTATUS in ('STARTING', 'STARTED', 'STOPPING')");
            queued = queued();
            protoSessions = count(statement, "select count(*) from proto_session");
        } catch (SQLException | JMException | JMSException e) {
            throw new IOException("cannot read the pipeline's state", e);
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"replays_running\":" + replaysRunning + ",\"queued\":" + queued
                + ",\"proto_sessions\":" + protoSessions + "}");
    }

    private long queued() throws JMException, JMSException {
        ObjectName embedded = new ObjectName(HITS_QUEUE);
        if (ManagementFactory.getPlatformMBeanServer().isRegistered(embedded)) {
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(embedded, "messageCount"))
                    .longValue();
        }
        try (jakarta.jms.Connection connection = hitsConnectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(hitsQueue)) {
                return Collections.list(browser.getEnumeration()).size();
            }
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
