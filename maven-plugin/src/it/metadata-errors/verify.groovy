def log = new File(basedir, 'build.log').getText('UTF-8')
assert new File(basedir, 'app/target/privileges/daemonset.yaml').getText('UTF-8').contains('value: cpu,self')
assert (log =~ /malformed-lib-1\.0\.jar!\/META-INF\/dev\.privileges\/collectors\/broken\.json: not valid JSON/).find()
assert (log =~ /newer-lib-1\.0\.jar!\/META-INF\/dev\.privileges\/collectors\/future\.json: metadata format version 99 is newer than this plugin understands/).find()
assert (log =~ /collector 'cpu' is declared twice: in \S+app\/target\/classes\/META-INF\/dev\.privileges\/collectors\/cpu\.json and in \S+dup-lib-1\.0\.jar!\/META-INF\/dev\.privileges\/collectors\/cpu\.json/).find()
return true
