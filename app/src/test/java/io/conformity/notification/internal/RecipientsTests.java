package io.conformity.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.notification.Notice;
import io.conformity.workflow.TaskDeadline;

/** Who is told about a deadline, and what they are told. */
class RecipientsTests {

    private static final UserView ENGINEER = user("eve", Role.ENGINEER);
    private static final UserView OFFICER = user("olga", Role.COMPLIANCE_OFFICER);
    private static final UserView SIGNATORY = user("sam", Role.SIGNATORY);
    private static final UserView BOTH = user("bo", Role.ENGINEER, Role.COMPLIANCE_OFFICER);
    private static final UserView OUTSIDER = user("otto", Role.ENGINEER);

    @Test
    void membersWithTheRoleOnly() {
        List<String> members = List.of("bo", "eve", "olga", "sam", "gone");
        List<UserView> accounts = List.of(ENGINEER, OFFICER, SIGNATORY, BOTH, OUTSIDER);
        assertThat(Recipients.of(members, accounts, Set.of(Role.ENGINEER)))
                .as("not a non-member with the role, not a member without it, not a member without an account")
                .containsExactly("bo", "eve");
        assertThat(Recipients.of(members, accounts, Set.of(Role.SIGNATORY, Role.COMPLIANCE_OFFICER)))
                .containsExactly("bo", "olga", "sam");
        assertThat(Recipients.of(List.of("eve", "eve"), accounts, Set.of(Role.ENGINEER)))
                .containsExactly("eve");
        assertThat(Recipients.of(members, accounts, Set.of())).isEmpty();
    }

    @Test
    void aReminderGoesToTheRoleAndAnOverdueTaskToTheOfficersToo() {
        assertThat(DeadlineNotifications.rolesConcerned(TaskDeadline.Kind.REMINDER, Role.ENGINEER))
                .containsExactly(Role.ENGINEER);
        assertThat(DeadlineNotifications.rolesConcerned(TaskDeadline.Kind.OVERDUE, Role.SIGNATORY))
                .containsExactlyInAnyOrder(Role.SIGNATORY, Role.COMPLIANCE_OFFICER);
        assertThat(DeadlineNotifications.rolesConcerned(TaskDeadline.Kind.OVERDUE, null))
                .containsExactly(Role.COMPLIANCE_OFFICER);
    }

    @Test
    void theNoticeNamesTheTaskTheReleaseAndTheDueDateAndLinksToTheTask() {
        UUID product = UUID.randomUUID();
        Notice notice = DeadlineNotifications.notice(
                new TaskDeadline(
                        TaskDeadline.Kind.REMINDER,
                        "t-1",
                        "Collect evidence",
                        UUID.randomUUID(),
                        product,
                        "5.3",
                        Role.ENGINEER,
                        Instant.parse("2031-01-02T03:04:05Z")),
                "WR-1 firmware 2.0");
        assertThat(notice.subject())
                .isEqualTo("Reminder: Collect evidence on WR-1 firmware 2.0 is due on 2031-01-02 03:04 UTC");
        assertThat(notice.text()).contains("principle 5.3");
        assertThat(notice.link()).isEqualTo("/api/v1/tasks/t-1");
        assertThat(notice.productId()).isEqualTo(product);
    }

    private static UserView user(String name, Role... roles) {
        return new UserView(name, name, null, Set.of(roles), null);
    }
}
