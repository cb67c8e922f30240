// Starts the Iceberg project's REST catalog (the servlet and adapter RESTCatalogServer of the open-api test
// fixtures serves, from iceberg-core's test jar) on 127.0.0.1 only: RESTCatalogServer itself binds every
// interface and has no host setting. Backend as the fixture's: a JDBC catalog on in-memory SQLite, the warehouse a
// local directory (Hadoop's local FileSystem). Prints "listening <port>" once it serves; runs until killed.
// Run by hack/iceberg-rest/run.sh as a single-file source program (java Serve.java), so nothing is compiled ahead.
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

public class Serve {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java Serve.java <port, 0: any free one> <warehouse directory>");
      System.exit(2);
    }
    Catalog catalog =
        CatalogUtil.buildIcebergCatalog(
            "rest_backend",
            Map.of(
                "catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog",
                "uri", "jdbc:sqlite::memory:",
                "jdbc.schema-version", "V1",
                "warehouse", new java.io.File(args[1]).toURI().toString()),
            new Configuration());
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(catalog))), "/*");
    Server server = new Server();
    ServerConnector http = new ServerConnector(server);
    http.setHost("127.0.0.1");
    http.setPort(Integer.parseInt(args[0]));
    server.addConnector(http);
    server.setHandler(context);
    server.start();
    System.out.println("listening " + http.getLocalPort());
    System.out.flush();
    server.join();
  }
}
