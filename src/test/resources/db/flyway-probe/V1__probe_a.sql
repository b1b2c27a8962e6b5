CREATE TABLE flyway_probe_a (id INT);
