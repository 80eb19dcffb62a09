package dev.privileges.annotations.runtime.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading /proc/self/mountinfo lines as proc(5) defines them. */
class MountTableTest {

  private static final MountTable TABLE = MountTable.parse(String.join("\n",
      "21 1 0:20 / / ro,relatime - overlay overlay rw,lowerdir=/l",
      "22 21 0:21 / /var/lib/agent rw,relatime shared:5 master:1 - ext4 /dev/sda1 ro,errors=remount-ro",
      "23 21 0:22 /log /var/log\\040host rw,nosuid - ext4 /dev/sda1 rw",
      "garbage line"));

  @Test
  void readOnly_comesFromTheMountOrTheSuperBlock() {
    assertThat(TABLE.at("/")).contains(new Mount("/", true));
    assertThat(TABLE.at("/var/lib/agent")).contains(new Mount("/var/lib/agent", true));
    assertThat(TABLE.at("/var/log host")).contains(new Mount("/var/log host", false));
    assertThat(TABLE.mounts()).hasSize(3);
  }

  @Test
  void holding_picksTheLongestMountPointAbove() {
    assertThat(TABLE.holding("/var/log host/pods")).contains(new Mount("/var/log host", false));
    assertThat(TABLE.holding("/var/lib/agentx")).contains(new Mount("/", true));
    assertThat(TABLE.at("/var/lib")).isEmpty();
  }
}
