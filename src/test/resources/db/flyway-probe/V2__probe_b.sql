CREATE TABLE flyway_probe_b (id INT);
