namespace Shipshape.Rules.Network;

/// <summary>
/// The one documented list of sensitive ports: services that must never face the internet and should be reached only
/// from the clients that need them. Each entry is the service's registered or documented default port (IANA service
/// name registry; the vendor's own documentation for the ones IANA does not list, named in the comment). Rules
/// SHP-NET-010/012 (open to the world) and SHP-NET-023 (public networks, wide private ranges) read it, so a port is
/// added here once.
/// </summary>
internal static class SensitivePorts
{
    /// <summary>A sensitive service: its port range, name and kind.</summary>
    internal sealed record Service(int From, int To, string Name, string Kind);

    public static readonly IReadOnlyList<Service> All =
    [
        // Remote administration and legacy plain-text protocols.
        new(20, 21, "FTP", "remote administration"),
        new(22, 22, "SSH", "remote administration"),
        new(23, 23, "Telnet", "remote administration"),
        new(3389, 3389, "RDP", "remote administration"),
        new(5900, 5900, "VNC", "remote administration"),
        new(5985, 5986, "WinRM", "remote administration"),
        new(25, 25, "SMTP", "mail"),
        new(110, 110, "POP3", "mail"),
        new(143, 143, "IMAP", "mail"),
        new(161, 162, "SNMP", "network management"),
        // Windows and file sharing.
        new(135, 135, "Microsoft RPC", "file sharing"),
        new(137, 139, "NetBIOS", "file sharing"),
        new(445, 445, "SMB", "file sharing"),
        new(2049, 2049, "NFS", "file sharing"),
        new(389, 389, "LDAP", "directory"),
        new(636, 636, "LDAPS", "directory"),
        // Databases (Amazon RDS, Redshift, DocumentDB, Keyspaces, Neptune default ports among them).
        new(1433, 1434, "Microsoft SQL Server", "database"),
        new(1521, 1521, "Oracle Database", "database"),
        new(3306, 3306, "MySQL/MariaDB/Aurora MySQL", "database"),
        new(5432, 5432, "PostgreSQL/Aurora PostgreSQL", "database"),
        new(5439, 5439, "Amazon Redshift", "database"),
        new(5984, 5984, "CouchDB", "database"),
        new(7000, 7001, "Cassandra inter-node", "database"),
        new(7199, 7199, "Cassandra JMX", "database"),
        new(7474, 7474, "Neo4j", "database"),
        new(8182, 8182, "Amazon Neptune/Gremlin", "database"),
        new(9042, 9042, "Cassandra CQL", "database"),
        new(9160, 9160, "Cassandra Thrift", "database"),
        new(27017, 27019, "MongoDB/DocumentDB", "database"),
        new(28015, 28015, "RethinkDB", "database"),
        // Caches.
        new(6379, 6379, "Redis/Valkey", "cache"),
        new(11211, 11211, "Memcached", "cache"),
        // Search and analytics.
        new(5601, 5601, "Kibana/OpenSearch Dashboards", "search"),
        new(8983, 8983, "Apache Solr", "search"),
        new(9200, 9200, "Elasticsearch/OpenSearch", "search"),
        new(9300, 9300, "Elasticsearch transport", "search"),
        // Message brokers and coordination.
        new(1883, 1883, "MQTT", "message broker"),
        new(2181, 2181, "ZooKeeper", "message broker"),
        new(4222, 4222, "NATS", "message broker"),
        new(5672, 5672, "AMQP (RabbitMQ, Amazon MQ)", "message broker"),
        new(9092, 9092, "Kafka", "message broker"),
        new(15672, 15672, "RabbitMQ management", "message broker"),
        new(61616, 61616, "ActiveMQ OpenWire", "message broker"),
        // Container and orchestration APIs (Docker Engine, Kubernetes "Ports and Protocols", etcd, Consul, Nomad, Vault).
        new(2375, 2376, "Docker Engine API", "container API"),
        new(2377, 2377, "Docker Swarm management", "container API"),
        new(2379, 2380, "etcd", "container API"),
        new(4243, 4243, "Docker Engine API", "container API"),
        new(6443, 6443, "Kubernetes API server", "container API"),
        new(8500, 8500, "Consul HTTP API", "container API"),
        new(4646, 4646, "Nomad HTTP API", "container API"),
        new(8200, 8200, "Vault API", "container API"),
        new(10250, 10250, "kubelet API", "container API"),
        new(10255, 10255, "kubelet read-only API", "container API"),
        new(10256, 10256, "kube-proxy health", "container API"),
        // Analysis and monitoring services.
        new(8086, 8086, "InfluxDB", "analysis"),
        new(8088, 8088, "Hadoop YARN ResourceManager", "analysis"),
        new(8888, 8888, "Jupyter", "analysis"),
        new(9090, 9090, "Prometheus", "analysis"),
        new(9100, 9100, "Prometheus node exporter", "analysis"),
        new(50070, 50070, "HDFS NameNode", "analysis"),
    ];

    /// <summary>The sensitive services whose ports overlap the range.</summary>
    public static IEnumerable<Service> In(int from, int to) => All.Where(s => s.From <= to && from <= s.To);

    /// <summary>"PostgreSQL/Aurora PostgreSQL (5432)".</summary>
    public static string Describe(Service service) =>
        service.From == service.To
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{service.Name} ({service.From})")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{service.Name} ({service.From}-{service.To})");
}
