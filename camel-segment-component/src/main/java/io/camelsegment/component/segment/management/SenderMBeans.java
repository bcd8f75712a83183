package io.camelsegment.component.segment.management;

import javax.management.JMException;
import javax.management.ObjectName;

import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryMonitors;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one {@link ManagedSegmentSender} per sender with Camel's JMX agent, beside the context's other services:
 * {@code org.apache.camel:context=<name>,type=services,name=segment-sender-<id>}. Does nothing when JMX is off.
 */
public final class SenderMBeans implements DeliveryMonitors.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(SenderMBeans.class);

    private final CamelContext camelContext;

    private SenderMBeans(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The listener for this context, or null when it has no JMX agent. */
    public static DeliveryMonitors.Listener forContext(CamelContext camelContext) {
        return agent(camelContext) != null ? new SenderMBeans(camelContext) : null;
    }

    private static ManagementAgent agent(CamelContext camelContext) {
        return camelContext.getManagementStrategy() != null
                ? camelContext.getManagementStrategy().getManagementAgent() : null;
    }

    /** The name of a sender's MBean in this context. */
    public static ObjectName objectName(CamelContext camelContext, DeliveryMonitor monitor) throws JMException {
        ManagementAgent agent = agent(camelContext);
        ObjectName contextName = camelContext.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForCamelContext(camelContext);
        return new ObjectName(agent.getMBeanObjectDomainName() + ":context=" + contextName.getKeyProperty("context")
                              + ",type=services,name=segment-sender-" + monitor.id());
    }

    @Override
    public void created(DeliveryMonitor monitor) {
        try {
            agent(camelContext).register(new ManagedSegmentSender(monitor), objectName(camelContext, monitor));
        } catch (JMException | RuntimeException e) {
            LOG.warn("Could not register {} in JMX: {}", monitor, e.getMessage());
        }
    }

    @Override
    public void removed(DeliveryMonitor monitor) {
        try {
            agent(camelContext).unregister(objectName(camelContext, monitor));
        } catch (JMException | RuntimeException e) {
            LOG.debug("Could not unregister {} from JMX: {}", monitor, e.getMessage());
        }
    }
}
