package io.conformity.notification.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.identity.Role;
import io.conformity.notification.Notice;
import io.conformity.notification.NotificationApi;
import io.conformity.problem.NotFoundException;
import io.conformity.product.ProductApi;
import io.conformity.product.ReleaseDetails;
import io.conformity.workflow.TaskDeadline;

/**
 * Tells people about a task's deadline: a reminder to the members of the product who hold the task's role; when it
 * is overdue, the product's compliance officers as well (the escalation). Runs in the engine's job transaction, so
 * a timer job that fails and is retried does not leave a notification behind.
 */
@Component
class DeadlineNotifications {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NotificationApi notifications;
    private final ProductApi products;
    private final AssessmentApi assessments;

    DeadlineNotifications(NotificationApi notifications, ProductApi products, AssessmentApi assessments) {
        this.notifications = notifications;
        this.products = products;
        this.assessments = assessments;
    }

    @EventListener
    void on(TaskDeadline deadline) {
        notifications.send(rolesConcerned(deadline.kind(), deadline.role()), notice(deadline, what(deadline)));
    }

    /** The role the task waits for; for an overdue task, the product's compliance officers too. */
    static Set<Role> rolesConcerned(TaskDeadline.Kind kind, Role role) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (role != null) {
            roles.add(role);
        }
        if (kind == TaskDeadline.Kind.OVERDUE) {
            roles.add(Role.COMPLIANCE_OFFICER);
        }
        return roles;
    }

    /** The product and release the task is about, as people name them. */
    private String what(TaskDeadline deadline) {
        try {
            ReleaseDetails release = products.releaseDetails(
                    assessments.assessment(deadline.assessmentId()).releaseId());
            return release.product().modelDesignation() + " firmware "
                    + release.release().firmwareVersion();
        } catch (NotFoundException gone) {
            // The reminder still counts without the names: the task and its link are what matter.
            return "assessment " + deadline.assessmentId();
        }
    }

    static Notice notice(TaskDeadline deadline, String what) {
        String task = "\"" + deadline.taskName() + "\""
                + (deadline.principle() == null ? "" : " (principle " + deadline.principle() + ")");
        String due = deadline.dueAt() == null ? "soon" : "on " + WHEN.format(deadline.dueAt());
        String subject;
        String text;
        if (deadline.kind() == TaskDeadline.Kind.OVERDUE) {
            subject = "Overdue: " + deadline.taskName() + " on " + what;
            text = "Task " + task + " on " + what + " was due " + due + " and is not done. It waits for the "
                    + (deadline.role() == null ? "assignee" : deadline.role().group())
                    + " role; as a compliance officer of the product you may need to step in (assessment "
                    + deadline.assessmentId() + ").";
        } else {
            subject = "Reminder: " + deadline.taskName() + " on " + what + " is due " + due;
            text = "Task " + task + " on " + what + " is due " + due + " (assessment " + deadline.assessmentId() + ").";
        }
        return new Notice(deadline.productId(), subject, text, "/api/v1/tasks/" + deadline.taskId());
    }
}
