package io.conformity.workflow;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@link TaskDeadline} events the process's timers published, as a listener (the notification module) receives
 * them: they are published on the job executor's threads, which Spring's test-thread event recording does not see.
 * Picked up by the shared test context's component scan; keeps the latest few thousand.
 */
@Component
public class TaskDeadlines {

    private final ConcurrentLinkedDeque<TaskDeadline> events = new ConcurrentLinkedDeque<>();

    @EventListener
    void on(TaskDeadline event) {
        events.addLast(event);
        while (events.size() > 5_000) {
            events.pollFirst();
        }
    }

    public List<TaskDeadline> ofTask(String taskId) {
        return events.stream().filter(e -> taskId.equals(e.taskId())).toList();
    }
}
