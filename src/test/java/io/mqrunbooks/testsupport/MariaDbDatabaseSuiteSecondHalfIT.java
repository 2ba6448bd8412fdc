package io.mqrunbooks.testsupport;

/** The other half of the database test classes on MariaDB, in a Failsafe JVM of its own beside the first. */
class MariaDbDatabaseSuiteSecondHalfIT extends MariaDbDatabaseSuiteIT {

    @Override
    int half() {
        return 1;
    }
}
