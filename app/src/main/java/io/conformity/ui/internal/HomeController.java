package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.notification.NotificationApi;
import io.conformity.notification.NotificationView;
import io.conformity.problem.ProblemException;
import io.conformity.workflow.TaskView;
import io.conformity.workflow.WorkflowApi;

/** The page everyone lands on after signing in: their open tasks and what changed since they last looked. */
@Controller
class HomeController {

    static final int NEWS = 10;

    private final IdentityApi identity;
    private final WorkflowApi workflow;
    private final NotificationApi notifications;
    private final AssessmentLabels labels;

    HomeController(IdentityApi identity, WorkflowApi workflow, NotificationApi notifications, AssessmentLabels labels) {
        this.identity = identity;
        this.workflow = workflow;
        this.notifications = notifications;
        this.labels = labels;
    }

    /** A task with the release it is about. */
    public record TaskRow(TaskView task, AssessmentLabels.Label label) {}

    @GetMapping("/")
    String home(Model model) {
        List<TaskRow> tasks = new ArrayList<>();
        List<NotificationView> news = List.of();
        long unread = 0;
        // Until a temporary password is replaced every other request is refused: the page only says so.
        if (!identity.passwordChangeRequired()) {
            CurrentUser user = identity.currentUser();
            if (Viewers.works(user)) {
                AssessmentLabels.Lookup lookup = labels.lookup();
                workflow.tasks(user, null).stream()
                        .sorted(Comparator.comparing(TaskView::overdue)
                                .reversed()
                                .thenComparing(TaskView::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                        .forEach(task -> tasks.add(new TaskRow(task, label(lookup, task))));
            }
            var page = notifications.mine(true, PageRequest.of(0, NEWS, Sort.by(Sort.Direction.DESC, "createdAt")));
            news = page.getContent();
            unread = page.getTotalElements();
        }
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "overdue", tasks.stream().filter(t -> t.task().overdue()).count());
        model.addAttribute("news", NotificationsController.items(news));
        model.addAttribute("unread", unread);
        return "ui/home";
    }

    private static AssessmentLabels.Label label(AssessmentLabels.Lookup lookup, TaskView task) {
        try {
            return lookup.ofAssessment(task.assessmentId());
        } catch (ProblemException e) {
            // A task whose product the caller no longer works on still shows, without its product's name.
            return null;
        }
    }
}
