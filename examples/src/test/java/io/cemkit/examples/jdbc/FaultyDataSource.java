package io.cemkit.examples.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A {@link DataSource} in front of a real one that fails on demand, as an unreachable database or a
 * connection lost in the middle of a transaction does. It also records each connection's auto-commit
 * setting when the adapter closes it.
 */
final class FaultyDataSource {

  /** What fails. */
  enum Fault {
    /** Nothing: every call goes to the real database. */
    NONE,
    /** Opening a connection, with SQLState 08001. */
    CONNECT,
    /** Committing, after every statement of the transaction ran, with SQLState 08006. */
    COMMIT,
    /** Closing the connection, after the transaction committed, with SQLState 08006. */
    CLOSE
  }

  static final String CONNECT_FAILURE = "Connection refused: database host db.example is down (simulated)";
  static final String COMMIT_FAILURE = "Connection reset while committing (simulated)";
  static final String CLOSE_FAILURE = "Connection reset while closing (simulated)";

  private final DataSource target;
  private final List<Boolean> autoCommitAtClose = new CopyOnWriteArrayList<>();
  private volatile Fault fault = Fault.NONE;

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  void fail(Fault next) {
    this.fault = next;
  }

  /** The auto-commit setting of each connection when it was closed, in order. */
  List<Boolean> autoCommitAtClose() {
    return List.copyOf(autoCommitAtClose);
  }

  DataSource dataSource() {
    return proxy(DataSource.class, (self, method, args) -> {
      if (method.getName().equals("getConnection")) {
        if (fault == Fault.CONNECT) {
          throw new SQLException(CONNECT_FAILURE, "08001");
        }
        return connection((Connection) call(target, method, args));
      }
      return call(target, method, args);
    });
  }

  private Connection connection(Connection real) {
    return proxy(Connection.class, (self, method, args) -> {
      switch (method.getName()) {
        case "commit":
          if (fault == Fault.COMMIT) {
            throw new SQLException(COMMIT_FAILURE, "08006");
          }
          break;
        case "close":
          autoCommitAtClose.add(real.getAutoCommit());
          if (fault == Fault.CLOSE) {
            real.close();
            throw new SQLException(CLOSE_FAILURE, "08006");
          }
          break;
        default:
          break;
      }
      return call(real, method, args);
    });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
