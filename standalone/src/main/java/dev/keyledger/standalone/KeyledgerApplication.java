package dev.keyledger.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Keyledger in one JVM: command side, query side and token endpoint on one (by default embedded) PostgreSQL. */
@SpringBootApplication(scanBasePackages = "dev.keyledger")
public class KeyledgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(KeyledgerApplication.class, args);
    }
}
